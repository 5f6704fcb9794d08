import { z } from 'zod';
import { command, none, query } from '../channel';
import { classSchemas, trainingClassSchema } from './schemas';

export const classesContract = {
  'classes.list': query(classSchemas.list, z.object({ items: z.array(trainingClassSchema), approximate: z.boolean() })),
  'classes.years': query(none, z.array(z.number().int())),
  'classes.get': query(classSchemas.get, trainingClassSchema),
  'classes.create': command(classSchemas.create, trainingClassSchema),
  'classes.update': command(classSchemas.update, trainingClassSchema),
  'classes.remove': command(classSchemas.remove, z.object({ id: z.number().int() })),
};
