import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../../shared/errors';
import { message } from '../../../../shared/i18n/translate';
import { readWorkbook } from '../sheet-reader';
import { extractDocument } from './extract';
import type { ParseAnswer, ParseRequest } from './protocol';
import { readArchive } from './read-archive';

// The parser worker's entry (parse-worker.js in the build; dev-entry.mjs from the sources). It reads
// one file at a time and answers with plain data; the core terminates it when it overruns.
if (!parentPort) throw new Error('the parser runs as a worker thread');
const port = parentPort;

// SheetJS reports what it skips in a damaged .xls on the console: here nobody reads it, and a file
// with thousands of unknown records would flood the app's output.
console.log = () => undefined;
console.error = () => undefined;
console.warn = () => undefined;

// An answer, and the buffers it hands over rather than copies (an archive's files).
type Outcome = { answer: ParseAnswer; transfer?: ArrayBuffer[] };

const answer = ({ answer: out, transfer = [] }: Outcome) => port.postMessage(out, transfer);

const work = async (request: ParseRequest): Promise<Outcome> => {
  if (request.kind === 'document')
    return { answer: { type: 'extracted', id: request.id, document: await extractDocument(request.path) } };
  if (request.kind === 'archive') {
    const { path, texts, textBudget, bytes } = request;
    const archive = await readArchive(path, { texts, textBudget, bytes }, (phase, done, total) =>
      port.postMessage({ type: 'progress', id: request.id, phase, done, total } satisfies ParseAnswer),
    );
    // Each file's bytes sit in an ArrayBuffer of their own (zip-file.ts), listed once (by SHA-256).
    const transfer = archive.files.map((file) => file.bytes?.buffer).filter((buffer) => buffer instanceof ArrayBuffer);
    return { answer: { type: 'archive', id: request.id, archive }, transfer };
  }
  const book = readWorkbook(request.path);
  const digest = createHash('sha256').update(book.bytes).digest('hex');
  return { answer: { type: 'parsed', id: request.id, workbook: { fileName: book.fileName, digest, sheets: book.sheets } } };
};

port.on('message', (request: ParseRequest) => {
  work(request).then(answer, (error: unknown) => {
    // A parser's own exception on a damaged file is the file's fault, said as such.
    const refusal =
      error instanceof AppError
        ? error
        : new AppError('INVALID_INPUT', message('import.unreadable', { name: request.path.split(/[\\/]/).pop() ?? '' }));
    answer({ answer: { type: 'refused', id: request.id, error: refusal.toShape() } });
  });
});

answer({ answer: { type: 'ready' } });
