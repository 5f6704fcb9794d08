import { job, query } from '../channel';
import { exportResultSchema } from '../files/schemas';
import { figureListSchema, overviewSchema, todoSchema, workbenchSchemas } from './schemas';

export const workbenchContract = {
  'workbench.overview': query(workbenchSchemas.overview, overviewSchema),
  // The schedules' unresolved conflicts, asked for after the first screen is drawn.
  'workbench.conflicts': query(workbenchSchemas.conflicts, todoSchema),
  'workbench.figureList': query(workbenchSchemas.figureList, figureListSchema),
  // The year's figures and the list behind each, one worksheet each (.xlsx).
  'workbench.export': job(workbenchSchemas.export, exportResultSchema, { quiet: true }),
};
