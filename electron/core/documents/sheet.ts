// A sheet as the importers read it, whichever reader opened the file.
export type Cell = string | number | boolean | null;

export type Sheet = {
  name: string;
  // rows[i] is sheet row firstRow + i (1-based, as the spreadsheet shows it); columns start at A.
  rows: Cell[][];
  firstRow: number;
};
