import type { Core } from '../context';
import { writeDocx } from './docx-writer';
import { renderHtml } from './html-writer';
import type { TableDoc } from './table-doc';
import { writeXlsx } from './xlsx-writer';

// A table document as Excel, Word, or a PDF printed by the platform (Chromium).
export const renderTableDoc = async (core: Core, doc: TableDoc, format: 'xlsx' | 'docx' | 'pdf'): Promise<Uint8Array> =>
  format === 'xlsx'
    ? writeXlsx(doc)
    : format === 'docx'
      ? writeDocx(doc)
      : core.platform.printToPdf(renderHtml(doc), { landscape: doc.orientation === 'landscape' });
