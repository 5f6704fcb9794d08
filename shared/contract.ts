import { z } from 'zod';
import { auditEntrySchema, auditSchemas } from './audit';
import { backupInfoSchema, backupSchemas, checkReportSchema } from './backup';
import { classSchemas, trainingClassSchema } from './classes';
import { exportResultSchema, rosterExportSchema, saveFormats } from './exports';
import {
  attendanceSchemas,
  attendanceSummarySchema,
  balanceSchema,
  conflictSchema,
  scheduleSchemas,
  sessionAttendanceSchema,
  sessionSchema,
} from './schedule';
import { staffDetailSchema, staffSchema, staffSchemas, teamMemberSchema } from './staff';
import { importPreviewSchema, importResultSchema, importSchemas } from './roster-import';
import { scheduleImportPreviewSchema, scheduleImportResultSchema, scheduleImportSchemas } from './schedule-import';
import { absolutePath } from './paths';
import { appInfoSchema, settingsPatchSchema, settingsSchema, vocabSchemas } from './settings';
import {
  revealedSchema,
  rosterEntrySchema,
  rosterSchemas,
  traineeDetailSchema,
  traineeSchemas,
  traineeSummarySchema,
} from './trainees';

// Every door into the core — IPC, CLI, end-to-end harness — is typed from this table.
// A query only reads. A command writes, inside one transaction the router opens. A job is long work
// (imports, exports) that reports progress and manages its own transaction. `quiet` marks calls
// that leave the data as it was (they may add to the audit log), so screens need not reload.
type ChannelSpec = {
  kind: 'query' | 'command' | 'job';
  input: z.ZodType;
  output: z.ZodType;
  quiet: boolean;
};

const none = z.strictObject({});
const query = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({
  kind: 'query' as const,
  input,
  output,
  quiet: true,
});
const command = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, options: { quiet?: boolean } = {}) => ({
  kind: 'command' as const,
  input,
  output,
  quiet: options.quiet ?? false,
});
const job = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, options: { quiet?: boolean } = {}) => ({
  kind: 'job' as const,
  input,
  output,
  quiet: options.quiet ?? false,
});

const groupSummarySchema = z.object({
  group: z.number().int(),
  size: z.number().int(),
  male: z.number().int(),
  female: z.number().int(),
  units: z.number().int(),
  sharedUnits: z.number().int(),
});

const filePurposes = ['rosterImport', 'scheduleImport', 'export', 'backupFolder', 'restoreFrom'] as const;
const chosenPath = z.object({ path: z.string().nullable() });

const removed = z.object({ id: z.number().int() });

export const contract = {
  'app.info': query(none, appInfoSchema),
  'app.loadSample': command(none, z.object({ classes: z.number().int() })),

  'settings.get': query(none, settingsSchema),
  'settings.update': command(settingsPatchSchema, settingsSchema),

  'vocab.get': query(vocabSchemas.get, z.array(z.string())),
  'vocab.set': command(vocabSchemas.set, z.array(z.string())),

  'classes.list': query(classSchemas.list, z.object({ items: z.array(trainingClassSchema), approximate: z.boolean() })),
  'classes.years': query(none, z.array(z.number().int())),
  'classes.get': query(classSchemas.get, trainingClassSchema),
  'classes.create': command(classSchemas.create, trainingClassSchema),
  'classes.update': command(classSchemas.update, trainingClassSchema),
  'classes.remove': command(classSchemas.remove, removed),
  'classes.copy': command(classSchemas.copy, trainingClassSchema),
  'classes.setStatus': command(classSchemas.setStatus, trainingClassSchema),
  'classes.unarchive': command(classSchemas.unarchive, trainingClassSchema),

  'trainees.search': query(
    traineeSchemas.search,
    z.object({ items: z.array(traineeSummarySchema), total: z.number().int(), approximate: z.boolean() }),
  ),
  'trainees.get': query(traineeSchemas.get, traineeDetailSchema),
  'trainees.update': command(traineeSchemas.update, traineeDetailSchema),
  'trainees.reveal': command(traineeSchemas.reveal, z.array(revealedSchema), { quiet: true }),

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

  'files.chooseOpen': query(z.strictObject({ purpose: z.enum(filePurposes) }), chosenPath),
  'files.chooseSave': query(
    z.strictObject({
      purpose: z.enum(filePurposes),
      defaultName: z.string().trim().min(1).max(200),
      format: z.enum(saveFormats),
    }),
    chosenPath,
  ),
  'files.chooseFolder': query(z.strictObject({ purpose: z.enum(filePurposes) }), chosenPath),
  'files.showInFolder': query(z.strictObject({ path: absolutePath() }), z.object({})),

  'backup.create': job(backupSchemas.create, backupInfoSchema),
  'backup.list': query(backupSchemas.list, z.object({ dir: z.string(), items: z.array(backupInfoSchema), due: z.boolean() })),
  'backup.inspect': query(backupSchemas.inspect, backupInfoSchema),
  'backup.restore': job(backupSchemas.restore, z.object({ restored: backupInfoSchema, safety: backupInfoSchema })),
  'check.run': query(z.strictObject({}), checkReportSchema),

  'audit.list': query(auditSchemas.list, z.object({ items: z.array(auditEntrySchema), total: z.number().int() })),
  'audit.export': job(auditSchemas.export, exportResultSchema, { quiet: true }),

  'staff.list': query(staffSchemas.search, z.object({ items: z.array(staffSchema), approximate: z.boolean() })),
  'staff.get': query(staffSchemas.get, staffDetailSchema),
  'staff.create': command(staffSchemas.create, staffDetailSchema),
  'staff.update': command(staffSchemas.update, staffDetailSchema),
  'staff.team': query(staffSchemas.team, z.array(teamMemberSchema)),
  'staff.setTeam': command(staffSchemas.setTeam, z.array(teamMemberSchema)),

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
  'schedule.importPreview': query(scheduleImportSchemas.preview, scheduleImportPreviewSchema),
  'schedule.importCommit': command(scheduleImportSchemas.commit, scheduleImportResultSchema),
  'schedule.export': job(scheduleSchemas.export, exportResultSchema, { quiet: true }),

  'attendance.session': query(attendanceSchemas.session, sessionAttendanceSchema),
  'attendance.record': command(attendanceSchemas.record, sessionAttendanceSchema),
  'attendance.allPresent': command(attendanceSchemas.allPresent, sessionAttendanceSchema),
  'attendance.leave': command(attendanceSchemas.leave, z.object({ sessions: z.number().int(), summary: z.string() })),
  'attendance.summary': query(attendanceSchemas.summary, attendanceSummarySchema),
  'attendance.export': job(attendanceSchemas.export, exportResultSchema, { quiet: true }),
} as const satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

export const isChannel = (name: unknown): name is Channel => typeof name === 'string' && Object.hasOwn(contract, name);

export const channels: readonly Channel[] = Object.keys(contract).filter(isChannel);
