import { z } from 'zod';
import type { ExportResult } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import { chineseDate } from '../../../shared/dates';
import { compareStroke } from '../../../shared/text/collation';
import { figureKeys, type FigureKey, type FigureList } from '../../../shared/workbench/schemas';
import type { Core } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';
import { writeXlsxBook } from '../documents/xlsx-writer';
import type { TableDoc } from '../documents/table-doc';
import { exportTarget, finishExport } from '../files/export';
import type { Job } from '../jobs/job';
import { labourHoursOf, participantsOf } from '../lodging/plan';
import { getSettings } from '../settings/service';
import { listSurveys } from '../surveys/service';
import { classesOfYear, workbenchOverview } from './overview';

// The list behind each of the workbench's figures: the classes it counts, the trainees, the days, the
// visits, the stays, the reports, the questionnaires. The workbench opens it; the year's export writes
// it, a worksheet each, after the figures themselves.

type Column = FigureList['columns'][number];
type Row = FigureList['rows'][number];

const column = (key: string, width: number, align: Column['align'] = 'left'): Column => ({
  label: message(`yearFigures.columns.${key}` as Parameters<typeof message>[0]),
  width,
  align,
});
// A JSON array of names, as the reader writes a list of them.
const names = (json: string) => parseNames(json).join(message('text.list'));
const parseNames = jsonColumn(z.array(z.string()), []);
const dayCount = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
const numberText = (value: number | null) => (value === null ? '' : String(value));

// Rows in their classes' order, and in each class by the strokes of the surname, as every roster is.
const byClassThenStrokes = <T extends { class_id: number; name: string }>(rows: T[]): T[] => {
  const order = new Map<number, number>();
  for (const row of rows) if (!order.has(row.class_id)) order.set(row.class_id, order.size);
  return rows.sort((a, b) => (order.get(a.class_id) ?? 0) - (order.get(b.class_id) ?? 0) || compareStroke(a.name, b.name));
};

const reportRows = (core: Core, year: number, excellentOnly: boolean): Row[] =>
  statement<[number], { class_id: number; class_name: string; title: string; authors: string; grade: string | null }>(
    core.db,
    `SELECT r.class_id, c.name AS class_name, r.title,
            (SELECT json_group_array(a.name) FROM (SELECT name FROM report_authors WHERE report_id = r.id ORDER BY position) a) AS authors,
            w.grade
       FROM reports r JOIN classes c ON c.id = r.class_id LEFT JOIN report_reviews w ON w.report_id = r.id
      WHERE c.year = ? AND EXISTS (SELECT 1 FROM report_versions v WHERE v.report_id = r.id)
      ORDER BY c.start_date, c.id, r.id`,
  )
    .all(year)
    .filter((row) => !excellentOnly || row.grade === 'excellent')
    .map((row) => ({
      classId: row.class_id,
      cells: [
        row.title,
        names(row.authors),
        row.class_name,
        row.grade === null ? message('yearFigures.notReviewed') : message(`reports.grades.${row.grade as 'excellent'}`),
      ],
    }));

const reportColumns = () => [column('title', 30), column('authors', 16), column('className', 24), column('grade', 8, 'center')];

const lists: Record<FigureKey, (core: Core, year: number) => Pick<FigureList, 'columns' | 'rows'>> = {
  classes: (core, year) => ({
    columns: [
      column('className', 24),
      column('code', 10),
      column('dates', 26),
      column('status', 8, 'center'),
      column('trainees', 8, 'center'),
    ],
    rows: classesOfYear(core, year).map((c) => ({
      classId: c.id,
      cells: [
        c.name,
        c.code,
        message('yearFigures.dateRange', { from: chineseDate(c.start_date), to: chineseDate(c.end_date) }),
        message(`status.${c.status as 'planning'}`),
        String(c.trainees),
      ],
    })),
  }),
  trainees: (core, year) => ({
    columns: [column('name', 8), column('sex', 4, 'center'), column('unit', 24), column('position', 14), column('className', 24)],
    rows: byClassThenStrokes(
      statement<
        [number],
        { class_id: number; name: string; sex: string | null; unit: string; position: string; class_name: string }
      >(
        core.db,
        `SELECT e.class_id, t.name, t.sex, t.unit, t.position, c.name AS class_name
           FROM enrolments e JOIN trainees t ON t.id = e.trainee_id JOIN classes c ON c.id = e.class_id
          WHERE c.year = ? AND e.status <> 'withdrawn' ORDER BY c.start_date, c.id`,
      ).all(year),
    ).map((t) => ({
      classId: t.class_id,
      cells: [t.name, t.sex === null ? '' : message(`sex.${t.sex as 'male'}`), t.unit, t.position, t.class_name],
    })),
  }),
  trainingDays: (core, year) => ({
    columns: [column('className', 24), column('dates', 26), column('days', 6, 'center')],
    rows: classesOfYear(core, year).map((c) => ({
      classId: c.id,
      cells: [
        c.name,
        message('yearFigures.dateRange', { from: chineseDate(c.start_date), to: chineseDate(c.end_date) }),
        String(dayCount(c.start_date, c.end_date)),
      ],
    })),
  }),
  visits: (core, year) => ({
    columns: [column('date', 12), column('site', 20), column('className', 24), column('sessions', 30)],
    rows: statement<[number], { class_id: number; date: string; site: string; class_name: string; titles: string }>(
      core.db,
      `SELECT s.class_id, s.date, p.name AS site, c.name AS class_name, json_group_array(s.title) AS titles
         FROM sessions s JOIN classes c ON c.id = s.class_id JOIN sites p ON p.id = s.site_id
        WHERE c.year = ? GROUP BY s.class_id, s.date, s.site_id ORDER BY s.date, c.id, p.name`,
    )
      .all(year)
      .map((v) => ({ classId: v.class_id, cells: [chineseDate(v.date), v.site, v.class_name, names(v.titles)] })),
  }),
  labourHours: (core, year) => ({
    columns: [
      column('className', 24),
      column('site', 16),
      column('dates', 26),
      column('people', 6, 'center'),
      column('hours', 8, 'center'),
    ],
    rows: statement<[number], { id: number; class_id: number; class_name: string; site: string; arrive: string; depart: string }>(
      core.db,
      `SELECT s.id, s.class_id, c.name AS class_name, p.name AS site, s.arrive, s.depart
         FROM stays s JOIN classes c ON c.id = s.class_id JOIN sites p ON p.id = s.site_id
        WHERE c.year = ? ORDER BY s.arrive, s.id`,
    )
      .all(year)
      .map((stay) => {
        const present = participantsOf(core, stay.id).filter((person) => person.participation !== 'absent');
        const hours = present.reduce((sum, person) => sum + labourHoursOf(person), 0);
        return {
          classId: stay.class_id,
          cells: [
            stay.class_name,
            stay.site,
            message('yearFigures.dateRange', { from: chineseDate(stay.arrive), to: chineseDate(stay.depart) }),
            String(present.length),
            String(Math.round(hours * 10) / 10),
          ],
        };
      }),
  }),
  reports: (core, year) => ({
    columns: reportColumns(),
    rows: reportRows(core, year, false),
  }),
  excellent: (core, year) => ({
    columns: reportColumns(),
    rows: reportRows(core, year, true),
  }),
  satisfiedRate: (core, year) => ({
    columns: [
      column('className', 24),
      column('survey', 24),
      column('responses', 6, 'center'),
      column('mean', 6, 'center'),
      column('satisfiedRate', 8, 'center'),
    ],
    rows: classesOfYear(core, year).flatMap((c) =>
      listSurveys(core, c.id)
        .filter((survey) => survey.responses > 0)
        .map((survey) => ({
          classId: c.id,
          cells: [c.name, survey.title, String(survey.responses), numberText(survey.mean), numberText(survey.satisfiedRate)],
        })),
    ),
  }),
};

export const figureList = (core: Core, year: number, figure: FigureKey): FigureList => ({
  figure,
  title: message('yearFigures.listTitle', { year, list: message(`yearFigures.lists.${figure}`) }),
  ...lists[figure](core, year),
});

// The year's figures on the first worksheet, then the list behind each on its own.
export const exportYear = async (core: Core, year: number, grant: string, job: Job): Promise<ExportResult> => {
  const target = exportTarget(core, grant, 'xlsx');
  const school = getSettings(core).schoolName;
  const overview = workbenchOverview(core, { year });
  const docs: TableDoc[] = [
    {
      title: message('yearFigures.exportTitle', { year }),
      sheet: message('yearFigures.figuresSheet'),
      subtitle: school,
      orientation: 'portrait',
      sections: [
        {
          columns: [column('figure', 20), column('value', 12, 'center')],
          rows: figureKeys.map((key) => [message(`yearFigures.figures.${key}`), numberText(overview.figures[key])]),
        },
      ],
    },
  ];
  figureKeys.forEach((key, index) => {
    job.progress('prepare', index, figureKeys.length);
    const list = figureList(core, year, key);
    docs.push({
      title: list.title,
      sheet: message(`yearFigures.figures.${key}`),
      subtitle: school,
      orientation: list.columns.length > 4 ? 'landscape' : 'portrait',
      sections: [{ columns: list.columns, rows: list.rows.map((row) => row.cells) }],
    });
  });
  const bytes = await writeXlsxBook(docs);
  return finishExport(core, job, target, bytes, {
    rows: figureKeys.length,
    audit: {
      entity: 'data',
      summary: message('yearFigures.exported', { year, path: target.path }),
      after: { year, path: target.path },
    },
  });
};
