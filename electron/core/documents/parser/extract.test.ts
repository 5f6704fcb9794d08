import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type * as Unpdf from 'unpdf';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { reportText, writeReportDocx } from '../../testing/report-files';
import { makeTempDir } from '../../testing/temp-core';
import { extractDocument, extractDocumentBytes, pdfOptions } from './extract';

// What extract.ts hands pdf.js, seen on the way: unpdf's getDocumentProxy, wrapped.
const opened = vi.hoisted(() => [] as unknown[]);
vi.mock('unpdf', async (importOriginal) => {
  const real = await importOriginal<typeof Unpdf>();
  return {
    ...real,
    getDocumentProxy: (data: Uint8Array, options?: Parameters<typeof real.getDocumentProxy>[1]) => {
      opened.push(options);
      return real.getDocumentProxy(data, options);
    },
  };
});

const temp = makeTempDir();
afterAll(() => temp.remove());

// The smallest honest PDF: one page that says one line, with a cross-reference table that is right.
const onePagePdf = (line: string): Uint8Array => {
  const content = `BT /F1 12 Tf 72 720 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const at = out.length;
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
};

describe('a report read from its bytes reads as from its file', () => {
  it('gives the same document for a .docx, a GB18030 text and a PDF, and leaves the bytes as they were', async () => {
    const docx = await writeReportDocx(join(temp.dir, '张三-调研报告.docx'), reportText('关于朝阳村发展生态农业的调研报告'));
    const text = join(temp.dir, '李四-调研报告.txt');
    writeFileSync(text, iconv.encode(reportText('关于梅花鹿养殖合作社的调查').join('\r\n'), 'gb18030'));
    const pdf = join(temp.dir, 'report.pdf');
    writeFileSync(pdf, onePagePdf('Rural revitalisation 2019'));
    for (const path of [docx, text, pdf]) {
      const bytes = new Uint8Array(readFileSync(path));
      const copy = bytes.slice();
      const name = path.slice(temp.dir.length + 1);
      const fromBytes = await extractDocumentBytes(bytes, name);
      expect(fromBytes).toEqual(await extractDocument(path));
      expect(fromBytes.status).toBe('text');
      // The bytes go on to the store (and across threads) untouched.
      expect(bytes).toEqual(copy);
    }
    expect((await extractDocumentBytes(readFileSync(pdf), 'report.pdf')).text).toBe('Rural revitalisation 2019');
    // The name tells a Markdown file from plain text, as a file's extension does.
    expect((await extractDocumentBytes(new TextEncoder().encode('# 标题\n正文'), '笔记.md')).format).toBe('md');
  });

  it('refuses an empty report in the words of the file', async () => {
    await expect(extractDocumentBytes(new Uint8Array(), '空白.docx')).rejects.toThrow('空白.docx');
  });
});

describe('pdf.js opens a report without eval', () => {
  it('is told isEvalSupported: false, with the CMaps Chinese PDFs need', async () => {
    expect(pdfOptions.isEvalSupported).toBe(false);
    opened.length = 0;
    await extractDocumentBytes(onePagePdf('Hello'), 'hello.pdf');
    expect(opened).toEqual([expect.objectContaining({ isEvalSupported: false, cMapPacked: true })]);
  });
});
