import { headerSynonyms, type ImportField } from '../../../../shared/roster/import';
import type { TableSpec } from '../../documents/table-import';
import { headerColumns, headerField, type HeaderColumn, tableHeader } from '../../documents/table-reading';
import type { Cell, Sheet } from '../../documents/sheet';

// The roster as the table kit reads it: a name column and at least one other (a 序号 column, which
// the kit knows by itself, does not count).
export type RosterField = Exclude<ImportField, 'seq'>;
export const rosterTable: TableSpec<RosterField> = { synonyms: headerSynonyms, required: ['name'], minimum: 2 };

export const rosterHeader = (sheet: Sheet) => tableHeader(sheet, rosterTable);

// Each column of the header row, as its word names it or as the person chose it in the wizard; a
// row-number column is shown as 序号 (and skipped), one the roster does not take is listed.
export const rosterColumns = (
  cells: readonly Cell[],
  width: number,
  chosen: ReadonlyMap<number, ImportField | null>,
): HeaderColumn<ImportField>[] => {
  const padded = Array.from({ length: width }, (_, column) => cells[column] ?? null);
  return headerColumns<ImportField>(padded, (column) =>
    chosen.has(column) ? (chosen.get(column) ?? null) : headerField(rosterTable, padded[column] ?? null),
  ).map((column) => (column.rowNumber && !chosen.has(column.column) ? { ...column, field: 'seq', rowNumber: false } : column));
};
