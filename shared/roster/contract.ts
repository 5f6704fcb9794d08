import { z } from 'zod';
import { command, job, query } from '../channel';
import { exportResultSchema, printResultSchema } from '../files/schemas';
import { rosterExportSchema, rosterPrintSchema } from './export';
import { importPreviewSchema, importResultSchema, importSchemas } from './import';
import { rosterEntrySchema, rosterSchemas } from './schemas';

const groupSummarySchema = z.object({
  group: z.number().int(),
  size: z.number().int(),
  male: z.number().int(),
  female: z.number().int(),
  units: z.number().int(),
  sharedUnits: z.number().int(),
});

export const rosterContract = {
  'roster.list': query(
    rosterSchemas.list,
    z.object({ items: z.array(rosterEntrySchema), approximate: z.boolean(), groups: z.array(z.number().int()) }),
  ),
  'roster.add': command(rosterSchemas.add, rosterEntrySchema),
  'roster.update': command(rosterSchemas.update, rosterEntrySchema),
  'roster.remove': command(rosterSchemas.remove, z.object({ removed: z.number().int() })),
  'roster.assign': command(rosterSchemas.assign, z.object({ updated: z.number().int() })),
  'roster.splitGroups': command(rosterSchemas.splitGroups, z.object({ groups: z.array(groupSummarySchema) })),
  'roster.importPreview': job(importSchemas.preview, importPreviewSchema, { quiet: true }),
  'roster.importCommit': job(importSchemas.commit, importResultSchema),
  'roster.export': job(rosterExportSchema, exportResultSchema, { quiet: true }),
  'roster.print': job(rosterPrintSchema, printResultSchema, { quiet: true }),
};
