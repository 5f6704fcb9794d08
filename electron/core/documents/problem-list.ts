import type { ExportResult } from '../../../shared/files/schemas';
import type { ProblemSource } from '../../../shared/files/import-preview';
import { message } from '../../../shared/i18n/translate';
import { shownText } from '../../../shared/text/shown';
import type { Core } from '../context';
import type { Job } from '../jobs/job';
import { getSettings } from '../settings/service';
import { exportTable } from './table-export';
import type { TableSpec } from './table-import';

// The problems of an import as a spreadsheet to send back to whoever made the file (组织部, a
// base's office): one row a problem — its row, who it is about, the column, what is wrong.

type Field = 'row' | 'who' | 'column' | 'problem';

const spec = (): TableSpec<Field> => ({
  synonyms: {
    row: [message('problemList.row')],
    who: [message('problemList.who')],
    column: [message('problemList.column')],
    problem: [message('problemList.problem')],
  },
  required: ['row', 'problem'],
});

const audited = { roster: 'trainees', sites: 'sites', households: 'households', staff: 'staff', surveys: 'surveys' } as const;

export const exportProblems = async (
  core: Core,
  input: {
    grant: string;
    source: ProblemSource;
    fileName: string;
    problems: readonly { row: number; who: string; column: string; message: string }[];
  },
  job: Job,
): Promise<ExportResult> => {
  const what = message(`problemList.sources.${input.source}`);
  // Named by the page, not by a grant: said on one line of visible characters, in the sheet and the log.
  const file = shownText(input.fileName, 260);
  return exportTable(
    core,
    job,
    input.grant,
    {
      spec: spec(),
      columns: [
        { field: 'row', width: 6 },
        { field: 'who', width: 10 },
        { field: 'column', width: 12 },
        { field: 'problem', width: 60 },
      ],
      rows: [...input.problems]
        .sort((a, b) => a.row - b.row)
        .map((problem) => ({ row: String(problem.row), who: problem.who, column: problem.column, problem: problem.message })),
      title: message('problemList.title', { what }),
      subtitle: message('problemList.subtitle', { file, school: getSettings(core).schoolName }),
      orientation: 'landscape',
    },
    {
      entity: audited[input.source],
      summary: (path) => message('problemList.exportSummary', { what, count: input.problems.length, file, path }),
    },
  );
};
