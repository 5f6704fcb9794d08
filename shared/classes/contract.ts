import { z } from 'zod';
import { command, job, none, query } from '../channel';
import { exportResultSchema } from '../files/schemas';
import { classSchemas, trainingClassSchema } from './schemas';

export const classesContract = {
  'classes.list': query(classSchemas.list, z.object({ items: z.array(trainingClassSchema), approximate: z.boolean() })),
  'classes.years': query(none, z.array(z.number().int())),
  'classes.get': query(classSchemas.get, trainingClassSchema),
  'classes.create': command(classSchemas.create, trainingClassSchema),
  'classes.update': command(classSchemas.update, trainingClassSchema),
  'classes.remove': command(classSchemas.remove, z.object({ id: z.number().int() })),
  'classes.copy': command(classSchemas.copy, trainingClassSchema),
  'classes.setStatus': command(classSchemas.setStatus, trainingClassSchema),
  'classes.unarchive': command(classSchemas.unarchive, trainingClassSchema),
  // 学员手册 (.docx): cover, 开班须知, schedule, committee and groups, roster, sites, 四同, 作息, reports, contacts.
  'classes.handbook': job(classSchemas.handbook, exportResultSchema, { quiet: true }),
};
