import { headerSynonyms, type ImportField } from '../../../../shared/roster/import';
import { findHeaderRow, headerKey, type HeaderRow, synonymIndex } from '../../documents/sheet-header';
import type { Cell } from '../../documents/sheet-reader';

const rosterIndex = synonymIndex(headerSynonyms);

export const fieldOfHeader = (cell: Cell): ImportField | null => rosterIndex.get(headerKey(cell)) ?? null;

// A roster's header names a name column and at least one other (a 序号 column does not count).
export const detectHeader = (rows: readonly Cell[][]): HeaderRow<ImportField> | undefined =>
  findHeaderRow(rows, rosterIndex, { required: ['name'], minimum: 2, ignored: ['seq'] });
