import { z } from 'zod';
import { command, query } from '../channel';
import { revealedSchema, traineeDetailSchema, traineeSchemas, traineeSummarySchema } from './schemas';

export const traineesContract = {
  'trainees.search': query(
    traineeSchemas.search,
    z.object({ items: z.array(traineeSummarySchema), total: z.number().int(), approximate: z.boolean() }),
  ),
  'trainees.get': query(traineeSchemas.get, traineeDetailSchema),
  'trainees.update': command(traineeSchemas.update, traineeDetailSchema),
  'trainees.reveal': command(traineeSchemas.reveal, z.array(revealedSchema), { quiet: true }),
};
