import { z } from 'zod';
import { defaultSettings, type Settings, settingsSchema } from '../../../shared/settings/schemas';
import type { Core } from '../context';
import { statement } from '../db/statements';

// Settings are stored one JSON value per key, so a later version can add keys without a migration;
// a missing or damaged value falls back to its default instead of breaking start-up.
const storedSettings = z.object({
  schoolName: settingsSchema.shape.schoolName.catch(defaultSettings.schoolName),
  locale: settingsSchema.shape.locale.catch(defaultSettings.locale),
  firstRunDone: settingsSchema.shape.firstRunDone.catch(defaultSettings.firstRunDone),
  backupDir: settingsSchema.shape.backupDir.catch(defaultSettings.backupDir),
  backupKeep: settingsSchema.shape.backupKeep.catch(defaultSettings.backupKeep),
  backupKeepDaily: settingsSchema.shape.backupKeepDaily.catch(defaultSettings.backupKeepDaily),
  backupKeepWeekly: settingsSchema.shape.backupKeepWeekly.catch(defaultSettings.backupKeepWeekly),
  backupKeepMonthly: settingsSchema.shape.backupKeepMonthly.catch(defaultSettings.backupKeepMonthly),
  autoBackup: settingsSchema.shape.autoBackup.catch(defaultSettings.autoBackup),
  lastBackupAt: settingsSchema.shape.lastBackupAt.catch(defaultSettings.lastBackupAt),
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

export const updateSettings = (core: Core, patch: Partial<Settings>): Settings => {
  const upsert = statement(
    core.db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) upsert.run(key, JSON.stringify(value));
  }
  return getSettings(core);
};
