import { z } from 'zod';
import { command, job, query } from '../channel';
import { exportResultSchema } from '../files/schemas';
import {
  boardSchema,
  committedSchema,
  reportDetailSchema,
  reportRowSchema,
  reportsSchemas,
  searchResultSchema,
  stagedSchema,
  topicSchema,
} from './schemas';

export const reportsContract = {
  'reports.board': query(reportsSchemas.board, boardSchema),
  'reports.get': query(reportsSchemas.get, reportDetailSchema),
  'reports.list': query(reportsSchemas.list, z.object({ rows: z.array(reportRowSchema) })),
  'reports.search': query(reportsSchemas.search, searchResultSchema),
  'reports.saveTopic': command(reportsSchemas.saveTopic, topicSchema),
  'reports.removeTopic': command(reportsSchemas.removeTopic, z.object({ removed: z.boolean() })),
  'reports.setDeadline': command(reportsSchemas.setDeadline, z.object({ deadline: z.string().nullable() })),
  'reports.choose': command(reportsSchemas.choose, reportDetailSchema),
  'reports.assignRest': command(reportsSchemas.assignRest, z.object({ assigned: z.number().int() })),
  'reports.review': command(reportsSchemas.review, reportDetailSchema),
  'reports.rename': command(reportsSchemas.rename, reportDetailSchema),
  'reports.saveOutcome': command(reportsSchemas.saveOutcome, reportDetailSchema),
  // Opens a version with the system's viewer, or shows it in its folder (a copy under its own name).
  'reports.open': query(reportsSchemas.open, z.object({ name: z.string() })),
  'reports.stage': job(reportsSchemas.stage, stagedSchema, { quiet: true }),
  'reports.commit': job(reportsSchemas.commit, committedSchema),
  'reports.export': job(reportsSchemas.export, exportResultSchema, { quiet: true }),
  'reports.compile': job(reportsSchemas.compile, exportResultSchema, { quiet: true }),
};
