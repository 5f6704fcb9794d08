import { z } from 'zod';
import { command, none, query } from '../channel';
import { appInfoSchema } from './schemas';

export const appContract = {
  'app.info': query(none, appInfoSchema),
  'app.loadSample': command(none, z.object({ classes: z.number().int() })),
};
