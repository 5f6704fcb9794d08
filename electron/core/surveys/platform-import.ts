import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import type { PlatformPreview, PlatformResult, PlatformSource } from '../../../shared/surveys/platform';
import { satisfiedRate } from '../../../shared/surveys/rate';
import type { SubjectKind, Survey } from '../../../shared/surveys/schemas';
import { refuseField } from '../../../shared/validation';
import { record } from '../db/audit-record';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';
import { stagingToken, tokenIsFor } from '../documents/staging';
import type { ParsedWorkbook } from '../documents/parser/protocol';
import { refuseRows } from '../documents/table-import';
import type { Job } from '../jobs/job';
import { type PlatformReading, readPlatformExport } from './platform-read';
import { checkSubject, createSurvey, getSurvey, templateOf } from './service';

// A platform's export imported into the one survey the person names: previewed (which column went
// to which item, how many sheets are new), then committed with the preview's token. An answer sheet
// already imported (the same export again, or a later download that holds it too) is not added twice.

type Aim = {
  classId: number;
  satisfaction: PlatformSource['satisfaction'];
  subject: SubjectKind;
  subjectId: number | null;
  survey: Survey | null;
  title: string;
  items: string[];
};

// The subject by its name: a course of this class by its title, a teacher, a teaching point.
const subjectByName = (core: Core, classId: number, subject: Exclude<SubjectKind, 'class'>, name: string): number => {
  const rows =
    subject === 'session'
      ? statement<[number, string], { id: number }>(core.db, 'SELECT id FROM sessions WHERE class_id = ? AND title = ?').all(
          classId,
          name,
        )
      : subject === 'teacher'
        ? statement<[string], { id: number }>(core.db, 'SELECT id FROM staff WHERE name = ? ORDER BY id').all(name)
        : statement<[string], { id: number }>(core.db, 'SELECT id FROM sites WHERE name = ? ORDER BY id').all(name);
  const kind = message(`surveys.subjectKinds.${subject}`);
  if (rows.length === 0) throw refuseField('subjectName', message('surveys.unknownSubject', { value: name, kind }));
  if (rows.length > 1) throw refuseField('subjectName', message('surveys.ambiguousSubject', { value: name, kind }));
  return rows[0]?.id ?? 0;
};

// The name a survey's title gives its subject.
const subjectNameSql: Record<Exclude<SubjectKind, 'class'>, string> = {
  session: 'SELECT title AS name FROM sessions WHERE id = ?',
  teacher: 'SELECT name FROM staff WHERE id = ?',
  site: 'SELECT name FROM sites WHERE id = ?',
};

const aimOf = (core: Core, source: PlatformSource): Aim => {
  const template = templateOf(core, source.satisfaction);
  const named = source.subjectName !== undefined && source.subjectName !== '';
  if (named && source.subjectId !== null) throw refuseField('subjectName', message('surveys.platform.bothSubjects'));
  // Without a subject the survey is about the class as a whole; with one, of the kind the
  // questionnaire asks about.
  const subject: SubjectKind = named || source.subjectId !== null ? template.subject : 'class';
  if ((named || source.subjectId !== null) && subject === 'class')
    throw refuseField(named ? 'subjectName' : 'subjectId', message('surveys.noSubjectForClass'));
  const subjectId =
    named && subject !== 'class' ? subjectByName(core, source.classId, subject, source.subjectName ?? '') : source.subjectId;
  checkSubject(core, source.classId, subject, subjectId);
  const existing = statement<[number, string, string, number | null], { id: number }>(
    core.db,
    'SELECT id FROM surveys WHERE class_id = ? AND satisfaction = ? AND subject = ? AND subject_id IS ?',
  ).get(source.classId, source.satisfaction, subject, subjectId);
  const survey = existing === undefined ? null : getSurvey(core, existing.id);
  const subjectName =
    subject === 'class'
      ? undefined
      : statement<[number], { name: string }>(core.db, subjectNameSql[subject]).get(subjectId ?? 0)?.name;
  return {
    classId: source.classId,
    satisfaction: source.satisfaction,
    subject,
    subjectId,
    survey,
    title:
      survey?.title ??
      (subjectName === undefined ? template.name : message('surveys.titleOf', { name: template.name, subject: subjectName })),
    items: survey?.items ?? template.items,
  };
};

type Read = { aim: Aim; book: ParsedWorkbook; reading: PlatformReading; token: string };

const readSource = async (core: Core, source: PlatformSource, job: Job): Promise<Read> => {
  assertWritable(getClass(core, source.classId));
  const aim = aimOf(core, source);
  job.progress('read', 0, 1);
  await job.pause();
  const book = await core.parser.workbook(core.grants.resolve(source.grant, 'tableImport'), job.signal);
  job.progress('check', 0, 1);
  const reading = readPlatformExport(book, { title: aim.title, items: aim.items.length }, source.oneMeans);
  if (reading.problems.length > 0) throw refuseRows(reading.problems);
  const token = stagingToken(
    'platform',
    source.classId,
    [book.digest],
    [aim.satisfaction, aim.subject, aim.subjectId, source.oneMeans ?? null],
  );
  return { aim, book, reading, token };
};

// The answer sheets of this platform already in the survey.
const storedKeys = (core: Core, surveyId: number | null, platform: string): Set<string> =>
  new Set(
    surveyId === null
      ? []
      : statement<[number, string], { answer_key: string }>(
          core.db,
          'SELECT answer_key FROM survey_response_origins WHERE survey_id = ? AND platform = ?',
        )
          .all(surveyId, platform)
          .map((row) => row.answer_key),
  );

export const previewPlatformImport = async (core: Core, source: PlatformSource, job: Job): Promise<PlatformPreview> => {
  const { aim, book, reading, token } = await readSource(core, source, job);
  const stored = storedKeys(core, aim.survey?.id ?? null, reading.platform);
  const fresh = reading.answers.filter((answer) => !stored.has(answer.key));
  const known = !reading.numbers || source.oneMeans !== undefined;
  return {
    token,
    fileName: book.fileName,
    platform: reading.platform,
    survey: { id: aim.survey?.id ?? null, title: aim.title, items: aim.items },
    columns: reading.columns.map(({ letter, header, use, item }) => ({ letter, header, use, item })),
    numbers: reading.numbers,
    oneMeans: source.oneMeans ?? null,
    rows: reading.rows,
    blank: reading.blank,
    added: fresh.length,
    already: reading.answers.length - fresh.length,
    skipped: reading.skipped,
    comments: fresh.filter((answer) => answer.comment !== '').length,
    satisfiedRate: known ? satisfiedRate(fresh.flatMap((answer) => answer.scores)) : null,
  };
};

export const commitPlatformImport = async (
  core: Core,
  source: PlatformSource & { token: string },
  job: Job,
): Promise<PlatformResult> => {
  const target = getClass(core, source.classId);
  if (!tokenIsFor(source.token, 'platform', source.classId)) throw refuseField('classId', message('import.otherClass'));
  const { aim, book, reading, token } = await readSource(core, source, job);
  if (token !== source.token) throw new AppError('INVALID_INPUT', message('import.changedFile'));
  // Option numbers read one way or the other give opposite scores: the person must have said which.
  if (reading.numbers && source.oneMeans === undefined) throw refuseField('oneMeans', message('surveys.platform.needOneMeans'));
  job.checkpoint();
  return job.transaction(() => {
    const survey = createSurvey(core, {
      classId: aim.classId,
      satisfaction: aim.satisfaction,
      subject: aim.subject,
      subjectId: aim.subjectId,
    });
    const stored = storedKeys(core, survey.id, reading.platform);
    const addResponse = statement(
      core.db,
      'INSERT INTO survey_responses (survey_id, scores, comment, entered_at) VALUES (?, ?, ?, ?)',
    );
    const addOrigin = statement(
      core.db,
      'INSERT INTO survey_response_origins (response_id, survey_id, platform, answer_key, file_sha256) VALUES (?, ?, ?, ?, ?)',
    );
    let added = 0;
    for (const answer of reading.answers) {
      if (stored.has(answer.key)) continue;
      const made = addResponse.run(survey.id, JSON.stringify(answer.scores), answer.comment, timestamp(core));
      addOrigin.run(Number(made.lastInsertRowid), survey.id, reading.platform, answer.key, book.digest);
      added += 1;
    }
    const already = reading.answers.length - added;
    record(core, {
      action: 'import',
      entity: 'surveys',
      entityId: survey.id,
      summary: message('surveys.platform.importSummary', {
        name: target.name,
        platform: message(`surveys.platform.names.${reading.platform}`),
        file: book.fileName,
        survey: survey.title,
        added,
        already,
      }),
      after: { surveyId: survey.id, added, already, sha256: book.digest },
    });
    job.progress('write', added, added);
    return { survey: getSurvey(core, survey.id), added, already, blank: reading.blank };
  });
};
