import { z } from 'zod';
import { command, job, none, query } from '../channel';
import { appInfoSchema, appSchemas } from './schemas';

export const appContract = {
  'app.info': query(none, appInfoSchema),
  'app.loadSample': command(none, z.object({ classes: z.number().int() })),
  // Another data folder from the next start on: an existing one's data, or a new one empty.
  'app.useDataFolder': job(appSchemas.useDataFolder, z.object({ path: z.string(), existing: z.boolean() })),
};
