import { z } from 'zod';
import { command, job, query } from '../channel';
import { tablePreviewSchema } from '../files/import-preview';
import { exportResultSchema, ignoredColumnsSchema } from '../files/schemas';
import { platformImportSchemas, platformPreviewSchema, platformResultSchema } from './platform';
import { resultsSchema, responseSchema, subjectHistorySchema, surveySchema, surveysSchemas, templateSchema } from './schemas';

export const surveysContract = {
  'surveys.templates': query(surveysSchemas.templates, z.array(templateSchema)),
  'surveys.saveTemplate': command(surveysSchemas.saveTemplate, templateSchema),
  'surveys.resetTemplate': command(surveysSchemas.resetTemplate, templateSchema),
  'surveys.list': query(surveysSchemas.list, z.array(surveySchema)),
  'surveys.create': command(surveysSchemas.create, surveySchema),
  'surveys.remove': command(surveysSchemas.remove, z.object({ removed: z.boolean() })),
  'surveys.responses': query(surveysSchemas.responses, z.array(responseSchema)),
  'surveys.saveResponses': command(surveysSchemas.saveResponses, resultsSchema),
  'surveys.results': query(surveysSchemas.results, resultsSchema),
  'surveys.history': query(surveysSchemas.history, subjectHistorySchema),
  'surveys.importPreview': job(surveysSchemas.importPreview, tablePreviewSchema, { quiet: true }),
  'surveys.import': job(
    surveysSchemas.import,
    z.object({ surveys: z.number().int(), responses: z.number().int(), ignoredColumns: ignoredColumnsSchema }),
  ),
  'surveys.template': job(surveysSchemas.template, exportResultSchema, { quiet: true }),
  // A 问卷星 / 腾讯问卷 export into one survey: previewed, then committed with the preview's token.
  'surveys.platformPreview': job(platformImportSchemas.preview, platformPreviewSchema, { quiet: true }),
  'surveys.platformCommit': job(platformImportSchemas.commit, platformResultSchema),
};
