import { z } from 'zod';
import { message, messageIfKnown } from '../../../shared/i18n/translate';
import { defaultTemplates, satisfactions } from '../../../shared/surveys/schemas';
import type { Core } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';

// A line the triggers wrote holds the row as it was and became (JSON), never a sentence: the sentence
// is made here, when the log is read, from what the row names — a class, a person, a report's authors
// and title — looked up by the row's references. Never a bare number or a programme's key: what can
// no longer be found (a row deleted since) is left unnamed rather than shown as its id.

export type LogLine = {
  action: string;
  entity: string;
  summary: string;
  before: string | null;
  after: string | null;
};

const changes = jsonColumn(z.json(), null);

type Values = Record<string, unknown>;
// What a line names: a plain name (quoted in the sentence), or a phrase made of several.
type Named = { name: string } | { what: string } | undefined;

const asValues = (value: unknown): Values =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};

const text = (values: Values, key: string): string | undefined => {
  const found = values[key];
  return typeof found === 'string' && found !== '' ? found : undefined;
};

const idIn = (values: Values, key: string): number | undefined => {
  const found = values[key];
  return typeof found === 'number' && Number.isInteger(found) ? found : undefined;
};

const one = (core: Core, sql: string, id: number | undefined): string | undefined =>
  id === undefined ? undefined : (statement<[number], string | null>(core.db, sql).pluck().get(id) ?? undefined) || undefined;

const className = (core: Core, id: number | undefined) => one(core, 'SELECT name FROM classes WHERE id = ?', id);
const traineeOfEnrolment = (core: Core, id: number | undefined) =>
  one(core, 'SELECT t.name FROM enrolments e JOIN trainees t ON t.id = e.trainee_id WHERE e.id = ?', id);
const classOfEnrolment = (core: Core, id: number | undefined) =>
  one(core, 'SELECT c.name FROM enrolments e JOIN classes c ON c.id = e.class_id WHERE e.id = ?', id);
const staffName = (core: Core, id: number | undefined) => one(core, 'SELECT name FROM staff WHERE id = ?', id);
const siteName = (core: Core, id: number | undefined) => one(core, 'SELECT name FROM sites WHERE id = ?', id);
const householdHead = (core: Core, id: number | undefined) => one(core, 'SELECT head FROM households WHERE id = ?', id);
const session = (core: Core, id: number | undefined) => one(core, `SELECT date || ' ' || title FROM sessions WHERE id = ?`, id);

// A report by its authors and title: 张伟《…》, 朱杰等 8 人《…》 for a group's.
const report = (core: Core, id: number | undefined): string | undefined => {
  const title = one(core, 'SELECT title FROM reports WHERE id = ?', id);
  if (title === undefined) return undefined;
  const authors = statement<[number], string>(
    core.db,
    'SELECT name FROM report_authors WHERE report_id = ? ORDER BY position, name',
  )
    .pluck()
    .all(id ?? 0);
  if (authors.length > 2) return message('audit.what.reportOfMany', { first: authors[0] ?? '', count: authors.length, title });
  return message('audit.what.report', { authors: authors.join(message('text.list')), title });
};

const reportTitle = (core: Core, id: number | undefined): string | undefined => {
  const title = one(core, 'SELECT title FROM reports WHERE id = ?', id);
  return title === undefined ? undefined : message('audit.what.report', { authors: '', title });
};

const surveyTitle = (core: Core, id: number | undefined): string | undefined => {
  if (id === undefined) return undefined;
  const row = statement<[number], { satisfaction: string; subject: string; subject_id: number | null; template: string | null }>(
    core.db,
    `SELECT s.satisfaction, s.subject, s.subject_id, t.name AS template
       FROM surveys s LEFT JOIN survey_templates t ON t.satisfaction = s.satisfaction WHERE s.id = ?`,
  ).get(id);
  if (row === undefined) return undefined;
  const kind = satisfactions.find((s) => s === row.satisfaction);
  const name = row.template ?? (kind ? defaultTemplates[kind].name : undefined);
  if (name === undefined) return undefined;
  const subjectId = row.subject_id ?? undefined;
  const subject =
    row.subject === 'session'
      ? one(core, 'SELECT title FROM sessions WHERE id = ?', subjectId)
      : row.subject === 'teacher'
        ? staffName(core, subjectId)
        : row.subject === 'site'
          ? siteName(core, subjectId)
          : undefined;
  return subject === undefined ? name : message('surveys.titleOf', { name, subject });
};

const named = (name: string | undefined): Named => (name === undefined ? undefined : { name });
const what = (phrase: string | undefined): Named => (phrase === undefined ? undefined : { what: phrase });
const pair = (key: 'inPlace' | 'about' | 'between' | 'staysWith', a: string | undefined, b: string | undefined): Named =>
  a === undefined ? undefined : b === undefined ? { name: a } : { what: message(`audit.what.${key}`, { a, b }) };

const describers: Record<string, (core: Core, values: Values) => Named> = {
  classes: (_, v) => named(text(v, 'name')),
  trainees: (_, v) => named(text(v, 'name')),
  staff: (_, v) => named(text(v, 'name')),
  site_bases: (_, v) => named(text(v, 'name')),
  sites: (_, v) => named(text(v, 'name')),
  stored_files: (_, v) => named(text(v, 'name')),
  report_topics: (_, v) => named(text(v, 'title')),
  survey_templates: (_, v) => named(text(v, 'name')),
  households: (core, v) => pair('inPlace', text(v, 'head'), siteName(core, idIn(v, 'site_id'))),
  enrolments: (core, v) =>
    pair('inPlace', traineeOfEnrolment(core, idIn(v, 'id')) ?? traineeName(core, v), className(core, idIn(v, 'class_id'))),
  class_staff: (core, v) => pair('inPlace', staffName(core, idIn(v, 'staff_id')), className(core, idIn(v, 'class_id'))),
  sessions: (_, v) => named(text(v, 'title')),
  session_teachers: (core, v) => pair('about', staffName(core, idIn(v, 'staff_id')), session(core, idIn(v, 'session_id'))),
  checkins: (core, v) =>
    pair('inPlace', traineeOfEnrolment(core, idIn(v, 'enrolment_id')), classOfEnrolment(core, idIn(v, 'enrolment_id'))),
  seats: (core, v) => pair('inPlace', traineeOfEnrolment(core, idIn(v, 'enrolment_id')), className(core, idIn(v, 'class_id'))),
  seat_plans: (core, v) => named(className(core, idIn(v, 'class_id'))),
  attendance: (core, v) => pair('about', traineeOfEnrolment(core, idIn(v, 'enrolment_id')), session(core, idIn(v, 'session_id'))),
  site_travel: (core, v) => pair('between', siteName(core, idIn(v, 'from_site')), siteName(core, idIn(v, 'to_site'))),
  site_reviews: (core, v) => named(siteName(core, idIn(v, 'site_id'))),
  stays: (core, v) => pair('inPlace', className(core, idIn(v, 'class_id')), siteName(core, idIn(v, 'site_id'))),
  placements: (core, v) =>
    pair('staysWith', traineeOfEnrolment(core, idIn(v, 'enrolment_id')), householdHead(core, idIn(v, 'household_id'))),
  stay_confirmations: (core, v) => named(householdHead(core, idIn(v, 'household_id'))),
  stay_reservations: (core, v) => pair('about', householdHead(core, idIn(v, 'household_id')), text(v, 'note')),
  stay_days: (_, v) => named(text(v, 'date')),
  stay_participants: (core, v) => named(traineeOfEnrolment(core, idIn(v, 'enrolment_id'))),
  household_payments: (core, v) => named(householdHead(core, idIn(v, 'household_id'))),
  report_deadlines: (core, v) => pair('about', className(core, idIn(v, 'class_id')), text(v, 'deadline')),
  reports: (core, v) => {
    const title = text(v, 'title');
    return title === undefined
      ? undefined
      : what(report(core, idIn(v, 'id')) ?? message('audit.what.report', { authors: '', title }));
  },
  report_authors: (core, v) => pair('inPlace', text(v, 'name'), reportTitle(core, idIn(v, 'report_id'))),
  report_versions: (core, v) => pair('about', report(core, idIn(v, 'report_id')), text(v, 'file_name')),
  report_reviews: (core, v) => what(report(core, idIn(v, 'report_id'))),
  report_publications: (core, v) => what(report(core, idIn(v, 'report_id'))),
  report_forwardings: (core, v) => what(report(core, idIn(v, 'report_id'))),
  surveys: (core, v) => what(surveyTitle(core, idIn(v, 'id')) ?? surveyOfValues(v)),
  survey_responses: (core, v) => what(surveyTitle(core, idIn(v, 'survey_id'))),
  survey_response_origins: (core, v) => what(surveyTitle(core, idIn(v, 'survey_id'))),
  // A setting by what the settings page calls it; a key the programme keeps for itself by what it is.
  settings: (_, v) => {
    const key = text(v, 'key');
    return key === undefined ? undefined : what(messageIfKnown(`audit.settingKeys.${key}`) ?? message('audit.settingKeys.other'));
  },
  vocab: (_, v) => {
    const kind = text(v, 'kind');
    return kind === undefined ? undefined : what(messageIfKnown(`audit.vocabKinds.${kind}`) ?? message('audit.vocabKinds.other'));
  },
};

// Trainees of an enrolment row written before the row's id was in its JSON: by the trainee's own id.
const traineeName = (core: Core, v: Values) => one(core, 'SELECT name FROM trainees WHERE id = ?', idIn(v, 'trainee_id'));

const surveyOfValues = (v: Values): string | undefined => {
  const kind = satisfactions.find((s) => s === v.satisfaction);
  return kind === undefined ? undefined : defaultTemplates[kind].name;
};

// Settings and lists change a few rows at a time, each naming what it is: a command of only those
// reads as one sentence naming them all (修改设置：学校名称、操作人姓名).
export const listedSentence = (core: Core, lines: readonly (LogLine & { entity_id: string | null })[]): string | undefined => {
  const entity = lines[0]?.entity;
  if ((entity !== 'settings' && entity !== 'vocab') || lines.some((line) => line.entity !== entity || line.summary))
    return undefined;
  const names = new Set<string>();
  for (const line of lines) {
    const found = describers[entity]?.(core, { ...asValues(changes(line.before)), ...asValues(changes(line.after)) });
    if (found && 'what' in found) names.add(found.what);
  }
  const actions = new Set(lines.map((line) => line.action));
  const action = messageIfKnown(`audit.actions.${actions.size === 1 ? (lines[0]?.action ?? '') : 'update'}`) ?? '';
  return message('audit.lineWhat', {
    action,
    entity: message(`audit.entities.${entity}`),
    what: [...names].join(message('text.list')),
  });
};

// The sentence of one line: the one its writer gave (record()), or one made from the row.
export const sentenceOf = (core: Core, line: LogLine & { entity_id?: string | null }): string => {
  if (line.summary) return line.summary;
  const values = { ...asValues(changes(line.before)), ...asValues(changes(line.after)) };
  // The row's own key, for the describers that look the row up (an enrolment's trainee).
  const key = Number(line.entity_id);
  if (Number.isInteger(key) && values.id === undefined) values.id = key;
  const describe = describers[line.entity];
  const found = describe ? describe(core, values) : undefined;
  const action = messageIfKnown(`audit.actions.${line.action}`) ?? '';
  const entity = messageIfKnown(`audit.entities.${line.entity}`) ?? message('audit.entities.other');
  if (found === undefined) return message('audit.lineBare', { action, entity });
  return 'name' in found
    ? message('audit.line', { action, entity, name: found.name })
    : message('audit.lineWhat', { action, entity, what: found.what });
};
