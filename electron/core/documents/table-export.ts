import type { ExportResult } from '../../../shared/files/schemas';
import type { AuditEntry } from '../db/audit-record';
import type { Core } from '../context';
import { exportTarget, finishExport } from '../files/export';
import type { Job } from '../jobs/job';
import { renderTableDoc } from './render';
import type { TableDoc } from './table-doc';
import { columnWord, type TableSpec } from './table-import';

// A list written as the spreadsheet its import reads back: a title, then one column a field, headed
// with the first of the words the import knows it by.
export const exportTable = async <F extends string>(
  core: Core,
  job: Job,
  grant: string,
  table: {
    spec: TableSpec<F>;
    columns: readonly { field: F; width: number }[];
    rows: readonly Record<F, string>[];
    title: string;
    subtitle: string;
    orientation: TableDoc['orientation'];
  },
  audit: Omit<AuditEntry, 'action' | 'summary' | 'after'> & { summary: (path: string) => string },
): Promise<ExportResult> => {
  const target = exportTarget(core, grant, 'xlsx');
  job.progress('prepare', 0, 1);
  const bytes = await renderTableDoc(
    core,
    job,
    {
      title: table.title,
      subtitle: table.subtitle,
      orientation: table.orientation,
      sections: [
        {
          columns: table.columns.map(({ field, width }) => ({ label: columnWord(table.spec, field), width })),
          rows: table.rows.map((row) => table.columns.map(({ field }) => row[field])),
        },
      ],
    },
    'xlsx',
  );
  return finishExport(core, job, target, bytes, {
    rows: table.rows.length,
    audit: {
      ...audit,
      summary: audit.summary(target.path),
      after: { format: 'xlsx', path: target.path, rows: table.rows.length },
    },
  });
};
