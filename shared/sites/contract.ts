import { z } from 'zod';
import { command, job, query } from '../channel';
import { tablePreviewSchema } from '../files/import-preview';
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
  // A base that holds no teaching point any more (one a move emptied): removed.
  'sites.removeBase': command(sitesSchemas.removeBase, z.object({ removed: z.boolean() })),
  // Read, checked and written in a transaction rolled back: what the import would do; nothing kept.
  'sites.importPreview': job(sitesSchemas.importPreview, tablePreviewSchema, { quiet: true }),
  // With the preview's token: the file previewed, or refused if it changed since.
  'sites.import': job(sitesSchemas.import, siteImportResultSchema),
  'sites.export': job(sitesSchemas.export, exportResultSchema, { quiet: true }),
};
