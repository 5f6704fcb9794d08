import { job } from '../channel';
import { problemExportSchema } from '../files/import-preview';
import { exportResultSchema } from '../files/schemas';

export const documentsContract = {
  // The problems an import found, as a spreadsheet to send back with the file (a save grant).
  'documents.exportProblems': job(problemExportSchema, exportResultSchema, { quiet: true }),
};
