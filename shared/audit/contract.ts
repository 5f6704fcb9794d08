import { z } from 'zod';
import { job, query } from '../channel';
import { exportResultSchema } from '../files/schemas';
import { auditEntrySchema, auditSchemas } from './schemas';

export const auditContract = {
  'audit.list': query(auditSchemas.list, z.object({ items: z.array(auditEntrySchema), total: z.number().int() })),
  'audit.parts': query(auditSchemas.parts, z.object({ items: z.array(auditEntrySchema), total: z.number().int() })),
  'audit.export': job(auditSchemas.export, exportResultSchema, { quiet: true }),
};
