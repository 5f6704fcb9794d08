import { z } from 'zod';
import { command, job, query } from '../channel';
import { exportResultSchema, printResultSchema } from '../files/schemas';
import { scheduleImportPreviewSchema, scheduleImportResultSchema, scheduleImportSchemas } from './import';
import { balanceSchema, conflictSchema, scheduleSchemas, sessionSchema } from './schemas';

export const scheduleContract = {
  'schedule.list': query(scheduleSchemas.list, z.array(sessionSchema)),
  'schedule.check': query(scheduleSchemas.check, z.array(conflictSchema)),
  'schedule.save': command(scheduleSchemas.save, z.object({ session: sessionSchema, conflicts: z.array(conflictSchema) })),
  'schedule.remove': command(scheduleSchemas.remove, z.object({ id: z.number().int() })),
  'schedule.conflicts': query(scheduleSchemas.conflicts, z.array(conflictSchema)),
  'schedule.copyFrom': command(
    scheduleSchemas.copyFrom,
    z.object({ copied: z.number().int(), conflicts: z.array(conflictSchema) }),
  ),
  'schedule.balance': query(scheduleSchemas.balance, balanceSchema),
  'schedule.importPreview': job(scheduleImportSchemas.preview, scheduleImportPreviewSchema, { quiet: true }),
  'schedule.importCommit': job(scheduleImportSchemas.commit, scheduleImportResultSchema),
  'schedule.export': job(scheduleSchemas.export, exportResultSchema, { quiet: true }),
  'schedule.print': job(scheduleSchemas.print, printResultSchema, { quiet: true }),
};
