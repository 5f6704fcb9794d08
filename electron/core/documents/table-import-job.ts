import { AppError } from '../../../shared/errors';
import type { RowChange, TablePreview } from '../../../shared/files/import-preview';
import { message } from '../../../shared/i18n/translate';
import { type AuditEntry, record } from '../db/audit-record';
import type { Core } from '../context';
import type { Job } from '../jobs/job';
import { stagingToken, tokenIsFor } from './staging';
import type { ParsedWorkbook } from './parser/protocol';
import {
  problemsOfRefusal,
  type ReadersOf,
  type ReadRows,
  type RowDeclaration,
  refuseRows,
  type TableProblem,
  type TableSpec,
} from './table-import';
import { checkRows } from './table-reading';

// An import of a declared table as a job, from the file a grant names: read in the parser worker,
// every row made (refused whole, nothing written, on any problem), then written in one transaction
// with its line in the audit log. What `write` returns comes back with the columns the file had that
// nothing read (未导入的列), for the dialog's and the CLI's summary.
//
// previewTable is the same import written in a transaction that is always rolled back: what the
// commit would do (its counts and each saved record it would change, field by field) and every
// problem of the file, with nothing kept. Its token names the file's bytes: importTable given the
// token reads the file again and refuses it if it is not the file that was previewed.

// What `write` says of the rows it wrote: its result, its audit line, and each saved record it changed.
export type Written<C> = { result: C; audit: Omit<AuditEntry, 'action' | 'after'>; changes?: RowChange[] };
export type TableWrite<T, C> = (rows: ReadRows<T>['rows'], fileName: string) => Written<C>;

// Where a preview's token holds: the village of a households file, the class of questionnaires, or
// the whole school (0) for the lists kept once.
export type ImportScope = { scope: number; token?: string | undefined };

const tokenOf = (book: ParsedWorkbook, spec: TableSpec<string>, scope: number): string =>
  stagingToken('table', scope, [book.digest], Object.keys(spec.synonyms));

const readBook = async (core: Core, job: Job, grant: string): Promise<ParsedWorkbook> => {
  job.progress('read', 0, 1);
  await job.pause();
  const book = await core.parser.workbook(core.grants.resolve(grant, 'tableImport'), job.signal);
  job.progress('check', 0, 1);
  return book;
};

const changedFile = () =>
  new AppError('INVALID_INPUT', message('import.changedFile'), {
    issues: [{ field: 'token', code: 'invalid_format', message: message('import.changedFile') }],
  });

export const importTable = async <F extends string, R extends ReadersOf<F>, T, C>(
  core: Core,
  job: Job,
  grant: string,
  spec: TableSpec<F>,
  declared: RowDeclaration<F, R, T>,
  write: TableWrite<T, C>,
  at: ImportScope = { scope: 0 },
): Promise<C & { ignoredColumns: string[] }> => {
  if (at.token !== undefined && !tokenIsFor(at.token, 'table', at.scope)) throw changedFile();
  const book = await readBook(core, job, grant);
  if (at.token !== undefined && at.token !== tokenOf(book, spec, at.scope)) throw changedFile();
  const { rows, ignoredColumns, problems } = checkRows(book, spec, declared);
  if (problems.length > 0) throw refuseRows(problems);
  job.checkpoint();
  return job.transaction(() => {
    const { result, audit } = write(rows, book.fileName);
    record(core, { ...audit, action: 'import', after: result });
    job.progress('write', rows.length, rows.length);
    return { ...result, ignoredColumns };
  });
};

// Thrown inside the preview's transaction so that everything written in it is rolled back.
class RolledBack extends Error {}

// The most changes a preview lists (a file of ten thousand updates is counted, not shown whole).
const shownChanges = 2000;

export const previewTable = async <F extends string, R extends ReadersOf<F>, T, C>(
  core: Core,
  job: Job,
  grant: string,
  spec: TableSpec<F>,
  declared: RowDeclaration<F, R, T>,
  write: TableWrite<T, C>,
  counts: (result: C) => TablePreview['counts'],
  scope = 0,
): Promise<TablePreview> => {
  const book = await readBook(core, job, grant);
  const checked = checkRows(book, spec, declared);
  const problems: TableProblem[] = [...checked.problems];
  let written: Written<C> | undefined;
  job.checkpoint();
  // The rows that could be read, written as the commit would write them, then undone: what the
  // preview says is what the commit does, with nothing kept (the audit line is undone with the rest).
  try {
    job.transaction(() => {
      written = write(checked.rows, book.fileName);
      throw new RolledBack();
    });
  } catch (error) {
    if (error instanceof RolledBack) {
      // Undone, as meant.
    } else {
      // A rule that only writing finds (a household's beds below the guests it already has): a problem
      // of its row, listed with the rest.
      const refused = problemsOfRefusal(error);
      if (!refused) throw error;
      problems.push(...refused);
      written = undefined;
    }
  }
  const listed = problems.length > 0;
  return {
    token: tokenOf(book, spec, scope),
    fileName: book.fileName,
    sheet: checked.sheet,
    dataRows: checked.records,
    counts: written && !listed ? counts(written.result) : { added: 0, updated: 0, unchanged: 0 },
    problems: [...problems]
      .sort((a, b) => a.row - b.row)
      .map((problem) => ({ row: problem.row, who: problem.who ?? '', column: problem.column ?? '', message: problem.message })),
    changes: (written?.changes ?? []).slice(0, shownChanges),
    ignoredColumns: checked.ignoredColumns,
  };
};
