import type { Core } from '../context';
import type { Job } from '../jobs/job';
import { writeDocx } from './docx-writer';
import { renderHtml } from './html-writer';
import type { TableDoc } from './table-doc';
import { writeXlsx } from './xlsx-writer';

// A PDF printed by the platform (Chromium). The longest step of a PDF export, and one that reports
// nothing while it runs: the job says so (正在生成 PDF…), then moves on to writing the file.
export const printPdf = async (core: Core, job: Job, html: string, landscape: boolean): Promise<Uint8Array> => {
  job.progress('print', 0, 1);
  const bytes = await core.platform.printToPdf(html, { landscape });
  job.progress('write', 0, 1);
  return bytes;
};

// A table document as Excel, Word, or a PDF printed by the platform (Chromium).
export const renderTableDoc = async (
  core: Core,
  job: Job,
  doc: TableDoc,
  format: 'xlsx' | 'docx' | 'pdf',
): Promise<Uint8Array> =>
  format === 'xlsx'
    ? writeXlsx(doc)
    : format === 'docx'
      ? writeDocx(doc)
      : printPdf(core, job, renderHtml(doc), doc.orientation === 'landscape');
