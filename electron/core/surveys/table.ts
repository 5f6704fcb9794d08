import { z } from 'zod';
import { shownText } from '../../../shared/text/shown';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import {
  commentMax,
  itemColumn,
  itemNumberOf,
  type Satisfaction,
  satisfactions,
  satisfactionWords,
  scoreWords,
  surveyColumns,
} from '../../../shared/surveys/schemas';
import { answerWords } from '../../../shared/surveys/platform';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';
import {
  columnWord,
  numberCell,
  type RowReading,
  type TableProblem,
  type TableRecord,
  type TableSpec,
  textCell,
} from '../documents/table-import';
import { importTable, previewTable, type TableWrite } from '../documents/table-import-job';
import type { TablePreview } from '../../../shared/files/import-preview';
import type { Job } from '../jobs/job';
import { refuseFile } from '../files/refusal';
import { platformOf } from './platform-read';
import { createSurvey, listTemplates } from './service';

// Questionnaires typed into Excel, one row each, for any of a class's surveys: the row says which
// (kind and subject), the scores stand under 第1题, 第2题 …. Read strictly: an unknown kind or
// subject, a score that is not 1–5, more scores than the survey has items — the file is refused
// with every such row named, and nothing is saved.

const maxItems = 30;
const madeItemList = jsonColumn(z.array(z.string()), []);
type Field = keyof typeof surveyColumns | `q${number}`;

const spec = (): TableSpec<Field> => {
  const synonyms: Record<string, readonly string[]> = { ...surveyColumns };
  for (let n = 1; n <= maxItems; n += 1) synonyms[`q${n}`] = itemColumn(n);
  // A kind and a subject merged over the questionnaires about them stand for each.
  return {
    synonyms: synonyms as Record<Field, readonly string[]>,
    required: ['satisfaction'],
    mergedDown: ['satisfaction', 'subject'],
    // 第31题, 第0题: an item's column past what any questionnaire has, refused rather than set aside.
    impossibleColumn: (header) => {
      const n = itemNumberOf(header);
      return n !== undefined && (n < 1 || n > maxItems)
        ? message('surveys.itemBeyond', { column: header, max: maxItems })
        : undefined;
    },
  };
};

// The words people type, by score: the five of our own questionnaire and the platforms' variants
// ("一般", "比较满意", "很满意"). Words first: "一般" read as a number would be 1, 非常不满意.
const scoreOfWord = new Map<string, number>([
  ...scoreWords.map((word, index): [string, number] => [word, index + 1]),
  ...Object.entries(answerWords).flatMap(([score, words]) => words.map((word): [string, number] => [word, Number(score)])),
]);

// 1–5 as typed ("5", "5分", "５"), or the score's word.
const scoreOf = (text: string): number | null | undefined => {
  if (text === '') return null;
  const worded = scoreOfWord.get(text);
  if (worded !== undefined) return worded;
  const score = numberCell(text);
  return score !== null && score !== undefined && Number.isInteger(score) && score >= 1 && score <= 5 ? score : undefined;
};

const kindOf = (text: string): Satisfaction | undefined => satisfactions.find((kind) => satisfactionWords[kind].includes(text));

type Row = { satisfaction: Satisfaction; subjectId: number | null; scores: (number | null)[]; comment: string };
type Counts = { surveys: number; responses: number };

const surveyImport = (core: Core, classId: number) => {
  const target = getClass(core, classId);
  assertWritable(target);
  const table = spec();
  const templates = new Map(listTemplates(core).map((template) => [template.satisfaction, template]));
  // Who can be asked about, by name: the class's courses, the staff, the teaching points.
  const byName = (rows: readonly { id: number; name: string }[]) => {
    const names = new Map<string, number[]>();
    for (const row of rows) names.set(row.name, [...(names.get(row.name) ?? []), row.id]);
    return names;
  };
  const subjects = {
    session: byName(
      statement<[number], { id: number; name: string }>(core.db, 'SELECT id, title AS name FROM sessions WHERE class_id = ?').all(
        classId,
      ),
    ),
    teacher: byName(statement<[], { id: number; name: string }>(core.db, 'SELECT id, name FROM staff ORDER BY id').all()),
    site: byName(statement<[], { id: number; name: string }>(core.db, 'SELECT id, name FROM sites').all()),
  };
  // A survey the class already has keeps the items it was made with (a template edited since does not
  // change it): a row for it is read against those, as the write below holds it to them.
  const madeItems = statement<[number, string, string, number | null], string>(
    core.db,
    'SELECT items FROM surveys WHERE class_id = ? AND satisfaction = ? AND subject = ? AND subject_id IS ?',
  ).pluck();
  const itemCount = (satisfaction: Satisfaction, subject: string, subjectId: number | null, fallback: number): number => {
    const made = madeItems.get(classId, satisfaction, subject, subjectId);
    return made === undefined ? fallback : madeItemList(made).length;
  };
  const lacking = new Set<Satisfaction>();
  const make = ({ row, cells }: TableRecord<Field>): RowReading<Row> => {
    const kindText = textCell(cells.satisfaction);
    const satisfaction = kindOf(kindText);
    if (!satisfaction)
      return {
        problems: [
          { row, message: message('surveys.unknownKind', { label: columnWord(table, 'satisfaction'), value: kindText }) },
        ],
      };
    const template = templates.get(satisfaction);
    const subject = template?.subject ?? 'class';
    const subjectText = textCell(cells.subject);
    let subjectId: number | null = null;
    if (subject !== 'class') {
      const found = subjects[subject].get(subjectText) ?? [];
      if (found.length !== 1)
        return {
          problems: [
            {
              row,
              message: message(found.length === 0 ? 'surveys.unknownSubject' : 'surveys.ambiguousSubject', {
                value: subjectText,
                kind: message(`surveys.subjectKinds.${subject}`),
              }),
            },
          ],
        };
      subjectId = found[0] ?? null;
    }
    const problems: TableProblem[] = [];
    const scores: (number | null)[] = [];
    for (let n = 1; n <= maxItems; n += 1) {
      const text = textCell(cells[`q${n}`]);
      const score = scoreOf(text);
      if (score === undefined)
        problems.push({ row, message: message('surveys.notScore', { label: itemColumn(n)[0] ?? '', value: shownText(text) }) });
      scores.push(score ?? null);
    }
    const items = itemCount(satisfaction, subject, subjectId, template?.items.length ?? 0);
    // A grid made from an older or another questionnaire lacks the last items' columns: read as it
    // is, every answer sheet would count them unanswered. Said once, on the kind's first row.
    const missing = Array.from({ length: items }, (_, index) => index + 1).filter((n) => !(`q${n}` in cells));
    if (missing.length > 0 && !lacking.has(satisfaction)) {
      lacking.add(satisfaction);
      problems.push({
        row,
        message: message('surveys.missingItems', {
          kind: kindText,
          items,
          missing: missing.map((n) => itemColumn(n)[0] ?? '').join(message('text.list')),
        }),
      });
    }
    const last = scores.reduce<number>((at, score, index) => (score === null ? at : index + 1), 0);
    if (last > items) problems.push({ row, message: message('surveys.extraItems', { kind: kindText, items, last }) });
    if (last === 0) problems.push({ row, message: message('surveys.noScores') });
    // The limit the grid and the platform imports hold too: what is imported can be saved again.
    const comment = textCell(cells.comment);
    if (comment.length > commentMax)
      problems.push({
        row,
        message: message('surveys.platform.commentTooLong', { who: '', length: comment.length, limit: commentMax }),
      });
    if (problems.length > 0) return { problems };
    return { value: { satisfaction, subjectId, scores: scores.slice(0, items), comment } };
  };
  const write: TableWrite<Row, Counts> = (rows, file) => {
    const surveys = new Set<number>();
    for (const { value: row } of rows) {
      const survey = createSurvey(core, {
        classId,
        satisfaction: row.satisfaction,
        subject: templates.get(row.satisfaction)?.subject ?? 'class',
        subjectId: row.subjectId,
      });
      // A survey made earlier from an older template keeps its own items: the row is held to those.
      const scores = Array.from({ length: survey.items.length }, (_, index) => row.scores[index] ?? null);
      statement(core.db, 'INSERT INTO survey_responses (survey_id, scores, comment, entered_at) VALUES (?, ?, ?, ?)').run(
        survey.id,
        JSON.stringify(scores),
        row.comment,
        timestamp(core),
      );
      surveys.add(survey.id);
    }
    const result = { surveys: surveys.size, responses: rows.length };
    return {
      result,
      audit: {
        entity: 'surveys',
        entityId: classId,
        summary: message('surveys.importSummary', { name: target.name, ...result, file }),
      },
    };
  };
  return { table, declared: { readers: {}, make }, write };
};

export const importSurveys = async (
  core: Core,
  classId: number,
  grant: string,
  job: Job,
  token?: string,
): Promise<Counts & { ignoredColumns: string[] }> => {
  const { table, declared, write } = surveyImport(core, classId);
  return withPlatformHint(core, grant, job, importTable(core, job, grant, table, declared, write, { scope: classId, token }));
};

// Every questionnaire is a new answer sheet: the preview counts them as added.
export const previewSurveys = async (core: Core, classId: number, grant: string, job: Job): Promise<TablePreview> => {
  const { table, declared, write } = surveyImport(core, classId);
  return withPlatformHint(
    core,
    grant,
    job,
    previewTable(
      core,
      job,
      grant,
      table,
      declared,
      write,
      ({ responses }) => ({ added: responses, updated: 0, unchanged: 0 }),
      classId,
    ),
  );
};

// A 问卷星 / 腾讯问卷 export given to this import (the typed grid) is refused with the way to import
// it, rather than with the grid's columns it lacks.
const withPlatformHint = async <T>(core: Core, grant: string, job: Job, importing: Promise<T>): Promise<T> => {
  try {
    return await importing;
  } catch (error) {
    const onFile = error instanceof AppError && error.details?.issues?.[0]?.field === 'grant';
    if (!onFile) throw error;
    const platform = platformOf(await core.parser.workbook(core.grants.resolve(grant, 'tableImport'), job.signal));
    if (platform === undefined) throw error;
    throw refuseFile('surveys.platform.needKind', { platform: message(`surveys.platform.names.${platform}`) });
  }
};
