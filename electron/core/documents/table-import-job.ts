import { type AuditEntry, record } from '../audit/service';
import type { Core } from '../context';
import type { Job } from '../jobs/job';
import { type ReadersOf, type ReadRows, readRows, type TableSpec } from './table-import';

// An import of a declared table as a job, from the file a grant names: read in the parser worker,
// every row made (readRows: refused whole, nothing written, on any problem), then written in one
// transaction with its line in the audit log. What `write` returns comes back with the columns the
// file had that nothing read (未导入的列), for the dialog's and the CLI's summary.
export const importTable = async <F extends string, R extends ReadersOf<F>, T, C>(
  core: Core,
  job: Job,
  grant: string,
  spec: TableSpec<F>,
  declared: Parameters<typeof readRows<F, R, T>>[2],
  write: (rows: ReadRows<T>['rows'], fileName: string) => { result: C; audit: Omit<AuditEntry, 'action' | 'after'> },
): Promise<C & { ignoredColumns: string[] }> => {
  job.progress('read', 0, 1);
  const book = await core.parser.workbook(core.grants.resolve(grant, 'tableImport'), job.signal);
  job.progress('check', 0, 1);
  const { rows, ignoredColumns } = readRows(book, spec, declared);
  job.checkpoint();
  return job.transaction(() => {
    const { result, audit } = write(rows, book.fileName);
    record(core, { ...audit, action: 'import', after: result });
    job.progress('write', rows.length, rows.length);
    return { ...result, ignoredColumns };
  });
};
