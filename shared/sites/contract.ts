import { z } from 'zod';
import { command, job, query } from '../channel';
import { exportResultSchema } from '../files/schemas';
import { baseSchema, pointDetailSchema, reviewSchema, siteImportResultSchema, sitesSchemas } from './schemas';

export const sitesContract = {
  'sites.tree': query(sitesSchemas.tree, z.object({ bases: z.array(baseSchema), approximate: z.boolean() })),
  'sites.get': query(sitesSchemas.get, pointDetailSchema),
  'sites.saveBase': command(sitesSchemas.saveBase, baseSchema),
  'sites.savePoint': command(sitesSchemas.savePoint, pointDetailSchema),
  'sites.setTravel': command(sitesSchemas.setTravel, pointDetailSchema),
  'sites.addReview': command(sitesSchemas.addReview, reviewSchema),
  'sites.removeReview': command(sitesSchemas.removeReview, z.object({ removed: z.boolean() })),
  'sites.import': job(sitesSchemas.import, siteImportResultSchema),
  'sites.export': job(sitesSchemas.export, exportResultSchema, { quiet: true }),
};
