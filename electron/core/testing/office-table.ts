import { writeFileSync } from 'node:fs';
import { writeXlsx } from '../documents/xlsx-writer';

// A table as a school office writes one, by our own xlsx writer: a title and a subtitle above the
// header (so the header stands on row 3), then the rows as typed; mergeColumns merges equal cells
// down (a date over its day's sessions). For the imports' tests: written, then read back.
export const writeOfficeTable = async (
  path: string,
  table: { title: string; labels: readonly string[]; rows: readonly (readonly string[])[]; mergeColumns?: readonly number[] },
): Promise<string> => {
  const columns = table.labels.map((label) => ({ label, width: 8 }));
  const section = { columns, rows: table.rows, ...(table.mergeColumns ? { mergeColumns: table.mergeColumns } : {}) };
  writeFileSync(
    path,
    await writeXlsx({ title: table.title, subtitle: '中共辽源市委党校', orientation: 'landscape', sections: [section] }),
  );
  return path;
};
