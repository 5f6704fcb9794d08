import type { AppInfo } from '../../../shared/settings';
import { createClass, setClassStatus } from '../classes/service';
import type { Core } from '../context';
import { isNetworkLocation } from '../paths';
import { sampleClasses, sampleSchoolName } from '../sample/liaoyuan';
import { getSettings, updateSettings } from '../settings/service';

const countClasses = (core: Core): number =>
  core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM classes').get()?.n ?? 0;

export const appInfo = (core: Core): AppInfo => {
  const classCount = countClasses(core);
  return {
    version: core.version,
    dataDir: core.dataDir,
    databaseFile: core.databaseFile,
    // Sample data is offered once, and only to an empty database.
    firstRun: !getSettings(core).firstRunDone && classCount === 0,
    classCount,
    warnings: isNetworkLocation(core.dataDir) ? ['network_drive'] : [],
  };
};

// Loading twice adds nothing the second time: a sample class already present (by name) is skipped.
export const loadSample = (core: Core): { classes: number } => {
  const exists = core.db.prepare<[string], { id: number }>('SELECT id FROM classes WHERE name = ?');
  const missing = sampleClasses.filter((fields) => exists.get(fields.name) === undefined);
  for (const fields of missing) {
    const created = createClass(core, fields);
    // The 2019 classes are long over: walk them through the flow as an administrator would have.
    setClassStatus(core, created.id, 'in_progress');
    setClassStatus(core, created.id, 'finished');
  }
  const settings = getSettings(core);
  updateSettings(core, { firstRunDone: true, schoolName: settings.schoolName || sampleSchoolName });
  return { classes: missing.length };
};
