// A sheet as the importers read it, whichever reader opened the file.
export type Cell = string | number | boolean | null;

export type Sheet = {
  name: string;
  // rows[i] is sheet row firstRow + i (1-based, as the spreadsheet shows it); columns start at A.
  rows: Cell[][];
  firstRow: number;
  // Merged cells, as the file declares them: rows as the spreadsheet numbers them (1-based), columns
  // from 0 (A). The readers copy a merged cell's value into every cell it spans; an import decides,
  // column by column, whether a value carried down that way stands for each row (table-import.ts).
  merges?: readonly MergedRange[];
};

export type MergedRange = { top: number; bottom: number; left: number; right: number };
