import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import {
  defaultTemplates,
  type ResponseInput,
  type Satisfaction,
  satisfactions,
  type SubjectHistory,
  type SubjectKind,
  type Survey,
  type SurveyResponse,
  type SurveyResults,
  type SurveyTemplate,
} from '../../../shared/surveys/schemas';
import { isSatisfied, satisfiedShare } from '../../../shared/surveys/rate';
import { refuseField } from '../../../shared/validation';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';

// Templates (the four questionnaires), the surveys of a class, their responses, and the figures
// people read: the mean, how the scores spread, and the share of 满意 and 非常满意.

const parseItems = jsonColumn(z.array(z.string()), []);
const parseScores = jsonColumn(z.array(z.number().int().min(1).max(5).nullable()), []);

// --- Templates ----------------------------------------------------------------------------------

export const listTemplates = (core: Core): SurveyTemplate[] => {
  const stored = new Map(
    statement<[], { satisfaction: Satisfaction; name: string; items: string }>(core.db, 'SELECT * FROM survey_templates')
      .all()
      .map((row) => [row.satisfaction, row]),
  );
  return satisfactions.map((satisfaction) => {
    const own = stored.get(satisfaction);
    const base = defaultTemplates[satisfaction];
    return own
      ? { satisfaction, name: own.name, subject: base.subject, items: parseItems(own.items), edited: true }
      : { satisfaction, ...base, items: [...base.items], edited: false };
  });
};

export const templateOf = (core: Core, satisfaction: Satisfaction): SurveyTemplate =>
  listTemplates(core).find((template) => template.satisfaction === satisfaction) ?? {
    satisfaction,
    ...defaultTemplates[satisfaction],
    edited: false,
  };

export const saveTemplate = (core: Core, satisfaction: Satisfaction, name: string, items: readonly string[]): SurveyTemplate => {
  statement(
    core.db,
    `INSERT INTO survey_templates (satisfaction, name, items) VALUES (?, ?, ?)
       ON CONFLICT (satisfaction) DO UPDATE SET name = excluded.name, items = excluded.items`,
  ).run(satisfaction, name, JSON.stringify(items));
  return templateOf(core, satisfaction);
};

export const resetTemplate = (core: Core, satisfaction: Satisfaction): SurveyTemplate => {
  statement(core.db, 'DELETE FROM survey_templates WHERE satisfaction = ?').run(satisfaction);
  return templateOf(core, satisfaction);
};

// --- Figures ------------------------------------------------------------------------------------

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

type Tally = { answered: number; sum: number; satisfied: number; distribution: number[] };
const emptyTally = (): Tally => ({ answered: 0, sum: 0, satisfied: 0, distribution: [0, 0, 0, 0, 0] });
const add = (tally: Tally, score: number | null | undefined) => {
  if (score === null || score === undefined) return;
  tally.answered += 1;
  tally.sum += score;
  if (isSatisfied(score)) tally.satisfied += 1;
  tally.distribution[score - 1] = (tally.distribution[score - 1] ?? 0) + 1;
};
const meanOf = (tally: Tally) => (tally.answered === 0 ? null : round(tally.sum / tally.answered, 2));
// Per cent of the scores given, 满意 (4) and 非常满意 (5): the one rate (shared/surveys/rate.ts).
const rateOf = (tally: Tally) => satisfiedShare(tally.satisfied, tally.answered);

const tallyAll = (scoreLists: readonly (readonly (number | null)[])[]): Tally => {
  const tally = emptyTally();
  for (const scores of scoreLists) for (const score of scores) add(tally, score);
  return tally;
};

// --- Surveys ------------------------------------------------------------------------------------

type SurveyRow = {
  id: number;
  class_id: number;
  satisfaction: Satisfaction;
  subject: SubjectKind;
  subject_id: number | null;
  items: string;
  subject_name: string | null;
  subject_date: string | null;
};

const surveysSql = `SELECT s.*,
    CASE s.subject
      WHEN 'session' THEN (SELECT x.title FROM sessions x WHERE x.id = s.subject_id)
      WHEN 'teacher' THEN (SELECT x.name FROM staff x WHERE x.id = s.subject_id)
      WHEN 'site' THEN (SELECT x.name FROM sites x WHERE x.id = s.subject_id)
    END AS subject_name,
    CASE s.subject WHEN 'session' THEN (SELECT x.date FROM sessions x WHERE x.id = s.subject_id) END AS subject_date
  FROM surveys s`;

const scoresOf = (core: Core, surveyId: number): (number | null)[][] =>
  statement<[number], { scores: string }>(core.db, 'SELECT scores FROM survey_responses WHERE survey_id = ? ORDER BY id')
    .all(surveyId)
    .map((row) => parseScores(row.scores));

const toSurvey = (core: Core, row: SurveyRow): Survey => {
  const items = parseItems(row.items);
  const scores = scoresOf(core, row.id);
  const tally = tallyAll(scores);
  const template = defaultTemplates[row.satisfaction];
  const subjectName =
    row.subject === 'class'
      ? ''
      : row.subject_date
        ? message('text.withNote', { text: row.subject_name ?? '', note: row.subject_date })
        : (row.subject_name ?? '');
  return {
    id: row.id,
    classId: row.class_id,
    satisfaction: row.satisfaction,
    subject: row.subject,
    subjectId: row.subject_id,
    subjectName,
    title: subjectName === '' ? template.name : message('surveys.titleOf', { name: template.name, subject: subjectName }),
    items,
    responses: scores.length,
    mean: meanOf(tally),
    satisfiedRate: rateOf(tally),
  };
};

export const listSurveys = (core: Core, classId: number): Survey[] => {
  getClass(core, classId);
  return statement<[number], SurveyRow>(core.db, `${surveysSql} WHERE s.class_id = ? ORDER BY s.satisfaction, s.subject, s.id`)
    .all(classId)
    .map((row) => toSurvey(core, row));
};

export const getSurvey = (core: Core, id: number): Survey => {
  const row = statement<[number], SurveyRow>(core.db, `${surveysSql} WHERE s.id = ?`).get(id);
  if (!row) throw new AppError('NOT_FOUND', message('surveys.notFound', { id }));
  return toSurvey(core, row);
};

// The subject must be of the class: one of its sessions, a teacher of one of them, a point it visits
// (or any point: a base can rate a class that came without a session there).
export const checkSubject = (core: Core, classId: number, subject: SubjectKind, subjectId: number | null) => {
  if (subject === 'class') {
    if (subjectId !== null) throw refuseField('subjectId', message('surveys.noSubjectForClass'));
    return;
  }
  if (subjectId === null) throw refuseField('subjectId', message('surveys.needSubject'));
  const found =
    subject === 'session'
      ? statement(core.db, 'SELECT 1 FROM sessions WHERE id = ? AND class_id = ?').get(subjectId, classId)
      : subject === 'teacher'
        ? statement(core.db, 'SELECT 1 FROM staff WHERE id = ?').get(subjectId)
        : statement(core.db, 'SELECT 1 FROM sites WHERE id = ?').get(subjectId);
  if (!found) throw refuseField('subjectId', message(`surveys.subjectNotFound.${subject}`));
};

// One survey per class, satisfaction and subject: asked again, the one there is answers.
export const createSurvey = (
  core: Core,
  input: { classId: number; satisfaction: Satisfaction; subject: SubjectKind; subjectId: number | null },
): Survey => {
  assertWritable(getClass(core, input.classId));
  checkSubject(core, input.classId, input.subject, input.subjectId);
  const existing = statement<[number, string, string, number | null], { id: number }>(
    core.db,
    'SELECT id FROM surveys WHERE class_id = ? AND satisfaction = ? AND subject = ? AND subject_id IS ?',
  ).get(input.classId, input.satisfaction, input.subject, input.subjectId);
  if (existing) return getSurvey(core, existing.id);
  const made = statement(
    core.db,
    'INSERT INTO surveys (class_id, satisfaction, subject, subject_id, items, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    input.classId,
    input.satisfaction,
    input.subject,
    input.subjectId,
    JSON.stringify(templateOf(core, input.satisfaction).items),
    timestamp(core),
  );
  return getSurvey(core, Number(made.lastInsertRowid));
};

export const removeSurvey = (core: Core, id: number) => {
  assertWritable(getClass(core, getSurvey(core, id).classId));
  statement(core.db, 'DELETE FROM surveys WHERE id = ?').run(id);
  return { removed: true };
};

export const listResponses = (core: Core, surveyId: number): SurveyResponse[] => {
  getSurvey(core, surveyId);
  return statement<[number], { id: number; scores: string; comment: string }>(
    core.db,
    'SELECT id, scores, comment FROM survey_responses WHERE survey_id = ? ORDER BY id',
  )
    .all(surveyId)
    .map((row) => ({ id: row.id, scores: parseScores(row.scores), comment: row.comment }));
};

export const surveyResults = (core: Core, surveyId: number): SurveyResults => {
  const survey = getSurvey(core, surveyId);
  const responses = listResponses(core, surveyId);
  const items = survey.items.map((item, index) => {
    const tally = emptyTally();
    for (const response of responses) add(tally, response.scores[index]);
    return {
      item,
      answered: tally.answered,
      mean: meanOf(tally),
      distribution: tally.distribution,
      satisfiedRate: rateOf(tally),
    };
  });
  return { survey, items, comments: responses.map((response) => response.comment).filter((comment) => comment !== '') };
};

// The grid's rows as they stand now: each kept (updated when changed), added, or gone. A row with no
// score at all is an empty line of the grid, not a response.
export const saveResponses = (core: Core, surveyId: number, responses: readonly ResponseInput[]): SurveyResults => {
  const survey = getSurvey(core, surveyId);
  assertWritable(getClass(core, survey.classId));
  responses.forEach((response, index) => {
    if (response.scores.length !== survey.items.length)
      throw refuseField(
        `responses.${index}.scores`,
        message('surveys.wrongItemCount', { row: index + 1, items: survey.items.length }),
      );
  });
  const kept = new Set(responses.flatMap((response) => (response.id === undefined ? [] : [response.id])));
  const existing = new Set(listResponses(core, surveyId).map((response) => response.id));
  responses.forEach((response, index) => {
    if (response.id !== undefined && !existing.has(response.id))
      throw refuseField(`responses.${index}.id`, message('surveys.responseNotFound'));
  });
  for (const id of existing) if (!kept.has(id)) statement(core.db, 'DELETE FROM survey_responses WHERE id = ?').run(id);
  for (const response of responses) {
    const scores = JSON.stringify(response.scores);
    if (response.id !== undefined)
      statement(core.db, 'UPDATE survey_responses SET scores = ?, comment = ? WHERE id = ?').run(
        scores,
        response.comment,
        response.id,
      );
    else if (response.scores.some((score) => score !== null) || response.comment !== '')
      statement(core.db, 'INSERT INTO survey_responses (survey_id, scores, comment, entered_at) VALUES (?, ?, ?, ?)').run(
        surveyId,
        scores,
        response.comment,
        timestamp(core),
      );
  }
  return surveyResults(core, surveyId);
};

// A teacher's (their own surveys and those of the courses they taught) or a teaching point's (its
// own and those of the courses held there), class by class over the years.
export const subjectHistory = (core: Core, subject: 'teacher' | 'site', id: number): SubjectHistory => {
  const name =
    subject === 'teacher'
      ? statement<[number], string>(core.db, 'SELECT name FROM staff WHERE id = ?').pluck().get(id)
      : statement<[number], string>(core.db, 'SELECT name FROM sites WHERE id = ?').pluck().get(id);
  if (name === undefined) throw refuseField('id', message(`surveys.subjectNotFound.${subject}`));
  const sessionsOf =
    subject === 'teacher'
      ? 'SELECT session_id FROM session_teachers WHERE staff_id = @id'
      : 'SELECT id FROM sessions WHERE site_id = @id';
  const rows = statement<
    [{ id: number; subject: string }],
    { survey_id: number; class_id: number; class_name: string; year: number }
  >(
    core.db,
    `SELECT s.id AS survey_id, c.id AS class_id, c.name AS class_name, c.year
       FROM surveys s JOIN classes c ON c.id = s.class_id
      WHERE (s.subject = @subject AND s.subject_id = @id) OR (s.subject = 'session' AND s.subject_id IN (${sessionsOf}))
      ORDER BY c.start_date, c.id`,
  ).all({ id, subject });
  const byClass = new Map<number, { className: string; year: number; surveys: number; scores: (number | null)[][] }>();
  for (const row of rows) {
    const entry = byClass.get(row.class_id) ?? { className: row.class_name, year: row.year, surveys: 0, scores: [] };
    entry.surveys += 1;
    entry.scores.push(...scoresOf(core, row.survey_id));
    byClass.set(row.class_id, entry);
  }
  const all = [...byClass.values()].flatMap((entry) => entry.scores);
  const total = tallyAll(all);
  return {
    name,
    rows: [...byClass].map(([classId, entry]) => {
      const tally = tallyAll(entry.scores);
      return {
        classId,
        className: entry.className,
        year: entry.year,
        surveys: entry.surveys,
        responses: entry.scores.length,
        mean: meanOf(tally),
        satisfiedRate: rateOf(tally),
      };
    }),
    responses: all.length,
    mean: meanOf(total),
    satisfiedRate: rateOf(total),
  };
};
