import { extname } from 'node:path';
import { type ExportResult, type PrintResult } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import { documentFormats, isCardDocument, type RosterPrint } from '../../../shared/roster/export';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import { writeCsv } from '../documents/csv-writer';
import { writeDocx } from '../documents/docx-writer';
import { renderHtml } from '../documents/html-writer';
import { printDoc, printPage } from '../documents/print';
import { printPdf } from '../documents/render';
import { writeXlsx } from '../documents/xlsx-writer';
import { exportTarget, finishExport } from '../files/export';
import type { Job } from '../jobs/job';
import { classCardPage } from './card-documents';
import { refuse, type RosterExport } from './export-input';
import { rosterDoc } from './table-documents';

// The roster.export and roster.print commands: a roster document written in the format asked for,
// or sent to the print dialog, and logged.

const documentOf = async (
  core: Core,
  input: RosterExport,
  job: Job,
): Promise<{ bytes: Uint8Array; rows: number; people: number }> => {
  const { document } = input;
  if (isCardDocument(document)) {
    // Cards are printed pages; only the 座次表 is also a worksheet.
    if (!documentFormats[document].includes(input.format)) throw refuse('format', 'export.pdfOnly');
    const page = classCardPage(core, { ...input, document });
    await job.pause();
    if (input.format === 'xlsx' && page.sheet) {
      job.progress('write', 0, 1);
      return { bytes: await writeXlsx(page.sheet), rows: page.people, people: page.people };
    }
    return { bytes: await printPdf(core, job, page.html, page.landscape), rows: page.people, people: page.people };
  }
  const { doc, people } = rosterDoc(core, { ...input, document });
  await job.pause();
  // A PDF says 正在生成 PDF while Chromium lays it out (printPdf); the other formats are written here.
  if (input.format !== 'pdf') job.progress('write', 0, 1);
  const bytes =
    input.format === 'xlsx'
      ? await writeXlsx(doc)
      : input.format === 'docx'
        ? await writeDocx(doc)
        : input.format === 'csv'
          ? writeCsv(doc, input.csvEncoding)
          : await printPdf(core, job, renderHtml(doc), doc.orientation === 'landscape');
  const rows = doc.sections.reduce((sum, section) => Math.max(sum, section.rows.length), 0);
  return { bytes, rows, people };
};

export const exportRoster = async (core: Core, input: RosterExport, job: Job): Promise<ExportResult> => {
  const target = getClass(core, input.classId);
  const output = exportTarget(core, input.grant, input.format);
  job.progress('prepare', 0, 1);
  // Cards never show an ID number or a phone, whatever was ticked: the log says what went out.
  const reveal = isCardDocument(input.document) ? { idNumber: false, phone: false } : input.reveal;
  const { bytes, rows, people } = await documentOf(core, { ...input, reveal }, job);
  const revealed = [
    reveal.idNumber ? message('documents.roster.fullIdNumber') : '',
    reveal.phone ? message('documents.roster.fullPhone') : '',
  ]
    .filter(Boolean)
    .join(message('text.list'));
  // Every export of personal data leaves a trace: what, how many people, where, and what was unmasked.
  return finishExport(core, job, output, bytes, {
    rows,
    audit: {
      entity: 'class',
      entityId: input.classId,
      summary: message('documents.roster.summary', {
        name: target.name,
        document: message(`documents.roster.names.${input.document}`),
        format: input.format.toUpperCase(),
        count: people,
        revealed: revealed ? message('documents.roster.revealed', { what: revealed }) : '',
        path: output.path,
      }),
      after: {
        document: input.document,
        format: input.format,
        path: output.path,
        extension: extname(output.path),
        people,
        reveal,
      },
    },
  });
};

// The same documents through the system's print dialog (always masked).
export const printRoster = async (core: Core, input: RosterPrint, job: Job): Promise<PrintResult> => {
  const target = getClass(core, input.classId);
  job.progress('prepare', 0, 1);
  const { document } = input;
  if (isCardDocument(document)) {
    const page = classCardPage(core, { ...input, document });
    return printPage(core, job, page, page.people, {
      entity: 'class',
      entityId: input.classId,
      summary: message('documents.roster.printed', {
        name: target.name,
        document: message(`documents.roster.names.${document}`),
        count: page.people,
      }),
      after: { document },
    });
  }
  const { doc, people } = rosterDoc(core, { ...input, document, reveal: { idNumber: false, phone: false } });
  return printDoc(core, job, doc, {
    entity: 'class',
    entityId: input.classId,
    summary: message('documents.roster.printed', {
      name: target.name,
      document: message(`documents.roster.names.${input.document}`),
      count: people,
    }),
    after: { document: input.document },
  });
};
