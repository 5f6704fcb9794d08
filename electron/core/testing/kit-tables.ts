import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { ParsedWorkbook } from '../documents/parser/protocol';
import { readWorkbook } from '../documents/sheet-reader';
import type { DocSection } from '../documents/table-doc';
import type { TableSpec } from '../documents/table-import';
import { writeXlsx } from '../documents/xlsx-writer';
import { makeTempDir } from './temp-core';

// The table kit's tests (table-import.test.ts, table-reading.test.ts): the declaration they read
// with, and tables written as offices write them into a folder removed after the file's tests.

export type Field = 'base' | 'name' | 'beds' | 'open' | 'since' | 'notes';
export const spec: TableSpec<Field> = {
  synonyms: {
    base: ['基地', '所属基地'],
    name: ['名称', '教学点'],
    beds: ['床位数', '床位'],
    open: ['启用', '是否启用'],
    since: ['开始日期'],
    notes: ['备注'],
  },
  required: ['name', 'beds'],
  mergedDown: ['base'],
};

export const kitTables = () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());
  // A table as an office writes it: our xlsx writer's title and subtitle rows, then the header, read
  // back by our reader.
  let files = 0;
  const book = async (section: DocSection): Promise<ParsedWorkbook> => {
    files += 1;
    const path = join(temp.dir, `table-${files}.xlsx`);
    writeFileSync(path, await writeXlsx({ title: '一览表', subtitle: '某某党校', orientation: 'portrait', sections: [section] }));
    const read = readWorkbook(path);
    return { fileName: read.fileName, digest: '', sheets: read.sheets };
  };
  return { book };
};

export const columns = (...labels: string[]) => labels.map((label) => ({ label, width: 6 }));

export const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error('not refused');
};
