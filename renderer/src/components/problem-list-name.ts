import type { TFunction } from 'i18next';
import { fileNameOf } from '../../../shared/files/schemas';

// The name the save dialog offers for an import's problem list: the imported file's name, made safe
// as every export's is. That name is whatever the file was called — one of 250 characters, or with a
// bidi override or a backslash in it — and the dialog takes at most 200 characters of a safe name.
export const problemListFileName = (t: TFunction, fileName: string): string =>
  fileNameOf(t('importProblems.fileName', { file: fileName.replace(/\.[^.]*$/, '') }), 'xlsx');
