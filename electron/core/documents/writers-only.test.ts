import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Word and Excel files are written by electron/core/documents alone (the prose kit, the table writers):
// a domain that imported `docx` or `exceljs` itself would set its own page, fonts and page numbers,
// and the documents would drift apart again. Tests and the test support (which craft other people's
// files to read) may.

const root = resolve(import.meta.dirname, '../../..');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

// `from 'docx'`, `from 'docx/layout'`, `import('exceljs')`, `require("exceljs")`.
const officeImport = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](docx|exceljs)(?:\/[^'"]*)?['"]/;

const officeImporters = (files: readonly { path: string; text: string }[]): string[] =>
  files
    .filter(({ path }) => !path.startsWith('electron/core/documents/'))
    .filter(({ path }) => !path.endsWith('.test.ts') && !path.startsWith('electron/core/testing/'))
    .filter(({ text }) => officeImport.test(text))
    .map(({ path }) => path);

describe('the writers of Word and Excel files', () => {
  it('are imported by electron/core/documents alone', () => {
    const files = ['electron', 'shared', 'renderer/src']
      .flatMap((dir) => filesUnder(join(root, dir)))
      .filter((file) => /\.(ts|tsx|mts|cts|js|mjs)$/.test(file))
      .map((file) => ({ path: relative(root, file).split('\\').join('/'), text: readFileSync(file, 'utf8') }));
    expect(files.length).toBeGreaterThan(100);
    expect(officeImporters(files)).toEqual([]);
  });

  it('would name a domain that imports them itself', () => {
    const planted = [
      { path: 'electron/core/lifecycle/documents.ts', text: "import { Paragraph } from 'docx';" },
      { path: 'electron/core/lifecycle/handbook.ts', text: "import { estimatePageNumbersWith } from 'docx/layout';" },
      { path: 'electron/core/roster/export.ts', text: "const ExcelJS = await import('exceljs');" },
      { path: 'electron/core/reports/exports.ts', text: 'const { Document } = require("docx");' },
      { path: 'electron/core/documents/prose-docx.ts', text: "import { Document } from 'docx';" },
      { path: 'electron/core/testing/read-documents.ts', text: "import ExcelJS from 'exceljs';" },
      { path: 'electron/core/roster/roster.test.ts', text: "import ExcelJS from 'exceljs';" },
      {
        path: 'electron/core/roster/docx-notes.ts',
        text: "// the docx writer: see documents/docx-writer.ts\nimport { x } from './docx';",
      },
    ];
    expect(officeImporters(planted)).toEqual([
      'electron/core/lifecycle/documents.ts',
      'electron/core/lifecycle/handbook.ts',
      'electron/core/roster/export.ts',
      'electron/core/reports/exports.ts',
    ]);
  });
});
