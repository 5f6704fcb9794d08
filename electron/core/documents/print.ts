import type { PrintResult } from '../../../shared/files/schemas';
import { type AuditEntry, record } from '../db/audit-record';
import type { Core } from '../context';
import type { Job } from '../jobs/job';
import { renderHtml } from './html-writer';
import type { TableDoc } from './table-doc';

// A document on paper: the same page Chromium lays out for the PDF export, shown in a preview window
// with the system's print dialog over it. As with every export of personal data, the log says who
// printed what before anything leaves the app.
export const printDoc = (core: Core, job: Job, doc: TableDoc, audit: PrintAudit): Promise<PrintResult> =>
  printPage(
    core,
    job,
    { html: renderHtml(doc), landscape: doc.orientation === 'landscape', title: doc.title },
    doc.sections.reduce((sum, section) => Math.max(sum, section.rows.length), 0),
    audit,
  );

type PrintAudit = Omit<AuditEntry, 'action' | 'after'> & { after: Record<string, unknown> };

// Any page laid out in HTML (a table, a sheet of 桌签), `rows` being what the log and the result count.
export const printPage = async (
  core: Core,
  job: Job,
  page: { html: string; landscape: boolean; title: string },
  rows: number,
  audit: PrintAudit,
): Promise<PrintResult> => {
  job.checkpoint();
  job.transaction(() => record(core, { ...audit, action: 'print', after: { ...audit.after, rows } }));
  const printed = await core.platform.printDocument(page.html, { landscape: page.landscape, title: page.title });
  return { printed, rows };
};
