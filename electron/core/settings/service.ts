import { randomBytes } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { isCertificateNumberFormat } from '../../../shared/lifecycle/certificate-number';
import { isIsoInstant } from '../../../shared/dates';
import { defaultSettings, type Settings, settingsPatchSchema, settingsSchema } from '../../../shared/settings/schemas';
import { refuseField } from '../../../shared/validation';
import { certificateNumberFormatProblem } from '../../../shared/lifecycle/certificate-number-problem';
import type { Core } from '../context';
import { statement } from '../db/statements';

// Settings are stored one JSON value per key, so a later version can add keys without a migration;
// a missing or damaged value falls back to its default instead of breaking start-up.
//
// A stored value is held to the same bounds as one the person types (settingsPatchSchema): the file
// may come from outside (a chosen data folder, a restored backup) and say anything. Keep rules of 0
// there once made the first backup delete every backup in the folder (issue 19, intruder 03); out of
// bounds now means the default. The values the patch cannot set are bounded here: the backup folder
// is the default ('') or a full path (a relative one would be read against whatever folder the
// process started in), and the last backup is a moment or never.
const bounded = settingsPatchSchema.shape;
const storedSettings = z.object({
  schoolName: bounded.schoolName.unwrap().catch(defaultSettings.schoolName),
  operatorName: bounded.operatorName.unwrap().catch(defaultSettings.operatorName),
  locale: bounded.locale.unwrap().catch(defaultSettings.locale),
  firstRunDone: bounded.firstRunDone.unwrap().catch(defaultSettings.firstRunDone),
  backupDir: settingsSchema.shape.backupDir.refine((dir) => dir === '' || isAbsolute(dir)).catch(defaultSettings.backupDir),
  backupKeep: bounded.backupKeep.unwrap().catch(defaultSettings.backupKeep),
  backupKeepDaily: bounded.backupKeepDaily.unwrap().catch(defaultSettings.backupKeepDaily),
  backupKeepWeekly: bounded.backupKeepWeekly.unwrap().catch(defaultSettings.backupKeepWeekly),
  backupKeepMonthly: bounded.backupKeepMonthly.unwrap().catch(defaultSettings.backupKeepMonthly),
  autoBackup: bounded.autoBackup.unwrap().catch(defaultSettings.autoBackup),
  lodgingTogether: bounded.lodgingTogether.unwrap().catch(defaultSettings.lodgingTogether),
  handbookNotice: bounded.handbookNotice.unwrap().catch(defaultSettings.handbookNotice),
  handbookRoutine: bounded.handbookRoutine.unwrap().catch(defaultSettings.handbookRoutine),
  classroom: bounded.classroom.unwrap().catch(defaultSettings.classroom),
  lastBackupAt: settingsSchema.shape.lastBackupAt
    .refine((at) => at === '' || isIsoInstant(at))
    .catch(defaultSettings.lastBackupAt),
  certificateNumberFormat: bounded.certificateNumberFormat
    .unwrap()
    .refine(isCertificateNumberFormat)
    .catch(defaultSettings.certificateNumberFormat),
  certificateMinAttendance: bounded.certificateMinAttendance.unwrap().catch(defaultSettings.certificateMinAttendance),
}) satisfies z.ZodType<Settings>;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export const getSettings = (core: Core): Settings => {
  const rows = statement<[], { key: string; value: string }>(core.db, 'SELECT key, value FROM settings').all();
  return storedSettings.parse(Object.fromEntries(rows.map((row) => [row.key, parseJson(row.value)])));
};

const upsertSql = 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value';

export const updateSettings = (core: Core, patch: Partial<Settings>): Settings => {
  // A 证书编号 pattern is refused whole, with what is wrong in it, before anything is written.
  const format = patch.certificateNumberFormat;
  const problem = format === undefined ? undefined : certificateNumberFormatProblem(format);
  if (problem !== undefined) throw refuseField('certificateNumberFormat', problem, 'invalid_format');
  const upsert = statement(core.db, upsertSql);
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) upsert.run(key, JSON.stringify(value));
  }
  return getSettings(core);
};

// Which database this is, for telling its backups from another's in a shared backup folder
// (backup/lineage.ts). Random, made once, kept for the life of the database: not a setting anyone
// changes, so not in Settings (settings.get never shows it, settings.update cannot write it). A
// value that is not an id (a crafted file) counts as none and is replaced when one is next needed.
const databaseIdKey = 'databaseId';
export const databaseIdPattern = /^[0-9a-f]{32}$/;

export const readDatabaseId = (db: Core['db']): string | undefined => {
  const stored = statement<[string], string>(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(databaseIdKey);
  const id = stored === undefined ? undefined : parseJson(stored);
  return typeof id === 'string' && databaseIdPattern.test(id) ? id : undefined;
};

export const databaseId = (core: Core): string | undefined => readDatabaseId(core.db);

// Writes: call inside a write transaction.
export const ensureDatabaseId = (core: Core): string => {
  const known = databaseId(core);
  if (known !== undefined) return known;
  const id = randomBytes(16).toString('hex');
  setDatabaseId(core.db, id);
  return id;
};

export const setDatabaseId = (db: Core['db'], id: string): void =>
  void statement(db, upsertSql).run(databaseIdKey, JSON.stringify(id));
