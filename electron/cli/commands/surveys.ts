import { message } from '../../../shared/i18n/translate';
import { err, ok, type Result } from '../../../shared/result';
import { type OneMeans, oneMeansWords, type PlatformPreview, type PlatformResult } from '../../../shared/surveys/platform';
import { type Satisfaction, satisfactions, satisfactionWords, type SurveyResults } from '../../../shared/surveys/schemas';
import { type Call, type Command, steps, UsageError, type Values } from '../command';
import { formatTable } from '../format';
import { cliText } from '../messages';
import { classId, classOption, oneFile } from './class-args';
import { withIgnored } from './ignored-columns';

// `survey import`: without --kind, the typed grid (one row a questionnaire, its kind in a column);
// with --kind, a 问卷星 or 腾讯问卷 export answering that one survey, previewed and then committed.

const importOptions = {
  ...classOption,
  kind: { type: 'string', describe: cliText('surveys.import.kind') },
  subject: { type: 'string', describe: cliText('surveys.import.subject') },
  'one-means': { type: 'string', describe: cliText('surveys.import.oneMeans') },
} as const;

const kindOf = (text: string): Satisfaction => {
  const found = satisfactions.find((kind) => satisfactionWords[kind].includes(text.trim()));
  if (!found) throw new UsageError(cliText('surveys.import.unknownKind', { value: text }));
  return found;
};

const oneMeansOf = (value: string | boolean | undefined): OneMeans | undefined => {
  if (value === undefined) return undefined;
  if (value === oneMeansWords.best) return 'best';
  if (value === oneMeansWords.worst) return 'worst';
  throw new UsageError(cliText('surveys.import.unknownOneMeans', { value: String(value) }));
};

type GridDone = { kind: 'grid'; surveys: number; responses: number; ignoredColumns: string[] };
type PlatformDone = { kind: 'platform'; preview: PlatformPreview; result: PlatformResult };

const text = (values: Values, key: string): string | undefined => {
  const value = values[key];
  return typeof value === 'string' ? value : undefined;
};

const importPlatform = async (
  call: Call,
  classId: number,
  grant: string,
  values: Values,
  kind: string,
): Promise<Result<PlatformDone>> => {
  const subjectName = text(values, 'subject');
  const oneMeans = oneMeansOf(values['one-means']);
  const source = {
    classId,
    grant,
    satisfaction: kindOf(kind),
    ...(subjectName === undefined ? {} : { subjectName }),
    ...(oneMeans === undefined ? {} : { oneMeans }),
  };
  const preview = await call('surveys.platformPreview', source);
  if (!preview.ok) return preview;
  if (preview.value.numbers && oneMeans === undefined)
    return err({ code: 'INVALID_INPUT', message: cliText('surveys.import.needOneMeans') });
  const result = await call('surveys.platformCommit', { ...source, token: preview.value.token });
  return result.ok ? ok({ kind: 'platform', preview: preview.value, result: result.value }) : result;
};

// Which column went where, then what was added.
const printPlatform = ({ preview, result }: PlatformDone): string => {
  const platform = message(`surveys.platform.names.${preview.platform}`);
  const lines = [cliText('surveys.import.read', { platform, file: preview.fileName, rows: preview.rows })];
  for (const column of preview.columns) {
    if (column.use === 'item')
      lines.push(
        cliText('surveys.import.toItem', {
          letter: column.letter,
          header: column.header,
          item: column.item ?? 0,
          name: preview.survey.items[(column.item ?? 1) - 1] ?? '',
        }),
      );
    if (column.use === 'comment')
      lines.push(cliText('surveys.import.toComment', { letter: column.letter, header: column.header }));
  }
  const unused = preview.columns.filter((column) => column.use === 'platform' || column.use === 'unused');
  if (unused.length > 0)
    lines.push(
      cliText('surveys.import.unused', {
        columns: unused
          .map((column) => message('text.withNote', { text: column.letter, note: column.header }))
          .join(message('text.list')),
      }),
    );
  if (preview.skipped > 0) lines.push(cliText('surveys.import.skipped', { count: preview.skipped }));
  lines.push(
    result.added === 0
      ? cliText('surveys.import.nothingNew', { already: result.already, survey: result.survey.title })
      : result.already > 0
        ? cliText('surveys.import.addedSome', { added: result.added, already: result.already, survey: result.survey.title })
        : cliText('surveys.import.added', { added: result.added, survey: result.survey.title }),
  );
  return lines.join('\n');
};

// What `survey results` prints and --json gives: each survey as the results screen shows it.
type SurveyFigures = {
  id: number;
  title: string;
  satisfaction: Satisfaction;
  subject: string;
  subjectName: string;
  responses: number;
  mean: number | null;
  satisfiedRate: number | null;
  comments: number;
  items: { item: string; answered: number; mean: number | null; distribution: number[]; satisfiedRate: number | null }[];
};

const figuresOf = (results: SurveyResults): SurveyFigures => ({
  id: results.survey.id,
  title: results.survey.title,
  satisfaction: results.survey.satisfaction,
  subject: results.survey.subject,
  subjectName: results.survey.subjectName,
  responses: results.survey.responses,
  mean: results.survey.mean,
  satisfiedRate: results.survey.satisfiedRate,
  comments: results.comments.length,
  items: results.items,
});

const shown = (value: number | null, unit = '') => (value === null ? '—' : `${value}${unit}`);

const printResults = (surveys: readonly SurveyFigures[]): string =>
  surveys.length === 0
    ? cliText('surveys.results.none')
    : surveys
        .map((survey) =>
          [
            cliText('surveys.results.survey', {
              title: survey.title,
              responses: survey.responses,
              mean: shown(survey.mean),
              rate: shown(survey.satisfiedRate, '%'),
              comments: survey.comments,
            }),
            formatTable(
              [
                cliText('surveys.results.columns.item'),
                cliText('surveys.results.columns.answered'),
                cliText('surveys.results.columns.mean'),
                cliText('surveys.results.columns.rate'),
              ],
              survey.items.map((item) => [item.item, String(item.answered), shown(item.mean), shown(item.satisfiedRate, '%')]),
            ),
          ].join('\n'),
        )
        .join('\n\n');

const figuresOfSurvey = (result: PlatformResult) => ({
  id: result.survey.id,
  title: result.survey.title,
  responses: result.survey.responses,
  mean: result.survey.mean,
  satisfiedRate: result.survey.satisfiedRate,
});

export const surveyCommands: readonly Command[] = [
  steps<GridDone | PlatformDone>({
    words: ['survey', 'import'],
    usage: cliText('surveys.import.usage'),
    summary: cliText('surveys.import.summary'),
    options: importOptions,
    execute: async ({ call, grant }, values, positionals) => {
      const file = grant(oneFile(positionals, cliText('surveys.what')), 'tableImport');
      const kind = text(values, 'kind');
      if (kind === undefined && (values['subject'] !== undefined || values['one-means'] !== undefined))
        throw new UsageError(cliText('surveys.import.needKind'));
      const id = await classId(call, values);
      if (!id.ok) return id;
      if (kind !== undefined) return importPlatform(call, id.value, file, values, kind);
      const done = await call('surveys.import', { classId: id.value, grant: file });
      return done.ok ? ok({ kind: 'grid', ...done.value }) : done;
    },
    print: (done) =>
      done.kind === 'grid'
        ? withIgnored(cliText('surveys.import.done', { surveys: done.surveys, responses: done.responses }), done.ignoredColumns)
        : printPlatform(done),
    json: (done) =>
      done.kind === 'grid'
        ? { surveys: done.surveys, responses: done.responses, ignoredColumns: done.ignoredColumns }
        : {
            survey: figuresOfSurvey(done.result),
            added: done.result.added,
            already: done.result.already,
            columns: done.preview.columns,
          },
  }),
  steps<SurveyFigures[]>({
    words: ['survey', 'results'],
    usage: cliText('surveys.results.usage'),
    summary: cliText('surveys.results.summary'),
    options: classOption,
    execute: async ({ call }, values) => {
      const id = await classId(call, values);
      if (!id.ok) return id;
      const surveys = await call('surveys.list', { classId: id.value });
      if (!surveys.ok) return surveys;
      const figures: SurveyFigures[] = [];
      for (const survey of surveys.value) {
        const results = await call('surveys.results', { surveyId: survey.id });
        if (!results.ok) return results;
        figures.push(figuresOf(results.value));
      }
      return ok(figures);
    },
    print: printResults,
  }),
];
