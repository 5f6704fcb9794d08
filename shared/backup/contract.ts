import { z } from 'zod';
import { command, job, query } from '../channel';
import { backupInfoSchema, backupSchemas } from './schemas';

export const backupContract = {
  'backup.create': job(backupSchemas.create, backupInfoSchema),
  'backup.list': query(
    backupSchemas.list,
    z.object({ dir: z.string(), items: z.array(backupInfoSchema), due: z.boolean(), folderMissing: z.boolean() }),
  ),
  'backup.inspect': query(backupSchemas.inspect, backupInfoSchema),
  'backup.restore': job(backupSchemas.restore, z.object({ restored: backupInfoSchema, safety: backupInfoSchema })),
  'backup.setFolder': command(backupSchemas.setFolder, z.object({ dir: z.string() })),
};
