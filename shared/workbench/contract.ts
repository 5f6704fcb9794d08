import { query } from '../channel';
import { overviewSchema, workbenchSchemas } from './schemas';

export const workbenchContract = {
  'workbench.overview': query(workbenchSchemas.overview, overviewSchema),
};
