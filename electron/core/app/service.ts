import { createClass, setClassStatus } from '../classes/service';
import { message } from '../../../shared/i18n/translate';
import { record } from '../db/audit-record';
import type { Core } from '../context';
import { isNetworkLocation } from '../paths';
import {
  sampleClasses,
  sampleHouseholds,
  sampleSchedule,
  sampleSchoolName,
  sampleSites,
  sampleStaff,
  sampleTravel,
} from '../sample/liaoyuan';
import { writeHousehold } from '../lodging/unit-write';
import { loadSampleRecords } from '../sample/records';
import { pointFieldsSchema } from '../../../shared/sites/schemas';
import { saveBase } from '../sites/bases';
import { setTravel } from '../sites/point-record';
import { pointIdByName, writePoint } from '../sites/points';
import { saveSession } from '../schedule/save';
import { createStaff, setTeam } from '../staff/service';
import { getSettings, updateSettings } from '../settings/service';
import { type AppInfo } from '../../../shared/app/schemas';
import { statement } from '../db/statements';

const countClasses = (core: Core): number =>
  statement<[], { n: number }>(core.db, 'SELECT count(*) AS n FROM classes').get()?.n ?? 0;

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

// The sample class's team and two weeks of sessions, saved through the same checks as the screens:
// a sample that conflicted with itself would refuse to load, whole.
const planSample = (core: Core, classId: number) => {
  // A sample person loaded before is reused; someone real who shares a name (another organisation) is not.
  const same = statement<[string, string], { id: number }>(
    core.db,
    'SELECT id FROM staff WHERE name = ? AND organisation = ? ORDER BY id LIMIT 1',
  );
  const staffId = new Map(
    sampleStaff.map((fields) => [fields.name, same.get(fields.name, fields.organisation)?.id ?? createStaff(core, fields).id]),
  );
  const idOf = (name: string) => {
    const id = staffId.get(name);
    if (id === undefined) throw new Error(`sample staff missing: ${name}`);
    return id;
  };
  setTeam(
    core,
    classId,
    sampleSchedule.team.map((member) => ({ staffId: idOf(member.name), role: member.role })),
  );
  for (const { teacher, ...session } of sampleSchedule.sessions)
    saveSession(core, {
      classId,
      session: {
        ...session,
        siteId: pointIdByName(core, session.place) ?? null,
        teacherIds: [idOf(teacher)],
        groups: [],
        notes: '',
      },
      accept: [],
    });
};

// The teaching bases and points of the model case, and 朝阳村's host households: each added once
// (by name), never over what the school has entered itself.
const loadSampleSites = (core: Core) => {
  const baseId = new Map(statement<[], [string, number]>(core.db, 'SELECT name, id FROM site_bases').raw().all());
  for (const { base, address, points } of sampleSites) {
    const id = baseId.get(base) ?? saveBase(core, undefined, { name: base, address, notes: '', active: true }).id;
    for (const point of points)
      if (pointIdByName(core, point.name) === undefined)
        writePoint(core, undefined, pointFieldsSchema.parse({ ...point, baseId: id }));
  }
  for (const [from, to, minutes] of sampleTravel) {
    const a = pointIdByName(core, from);
    const b = pointIdByName(core, to);
    if (a !== undefined && b !== undefined) setTravel(core, a, [{ siteId: b, minutes }]);
  }
  const village = pointIdByName(core, sampleHouseholds.site);
  if (village === undefined) return;
  const known = new Set(
    statement<[number], string>(core.db, 'SELECT head FROM households WHERE site_id = ?').pluck().all(village),
  );
  for (const household of sampleHouseholds.households)
    if (!known.has(household.head)) writeHousehold(core, village, undefined, household);
};

// Loading twice adds nothing the second time: a sample class already present (by name) is skipped.
export const loadSample = (core: Core): { classes: number } => {
  const exists = statement<[string], { id: number }>(core.db, 'SELECT id FROM classes WHERE name = ?');
  const missing = sampleClasses.filter((fields) => exists.get(fields.name) === undefined);
  loadSampleSites(core);
  for (const fields of missing) {
    const created = createClass(core, fields);
    if (fields.name === sampleSchedule.className) {
      planSample(core, created.id);
      loadSampleRecords(core, created.id);
    }
    // The 2019 classes are long over: walk them through the flow as an administrator would have.
    setClassStatus(core, created.id, 'in_progress');
    setClassStatus(core, created.id, 'finished');
  }
  const settings = getSettings(core);
  updateSettings(core, { firstRunDone: true, schoolName: settings.schoolName || sampleSchoolName });
  // A thousand lines in the log, read as one sentence.
  if (missing.length > 0)
    record(core, { action: 'create', entity: 'data', summary: message('audit.commands.sample', { classes: missing.length }) });
  return { classes: missing.length };
};
