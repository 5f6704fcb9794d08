import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Chosen, GrantPurpose, OpenPurpose, SaveFormat } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import type { Core } from '../context';
import type { FileFilter } from '../platform';
import type { Handlers } from '../router';
import { receiveDropped } from './dropped';

const spreadsheets = (): FileFilter[] => [
  { name: message('files.filters.spreadsheets'), extensions: ['xlsx', 'xls', 'et', 'csv'] },
  { name: message('files.filters.all'), extensions: ['*'] },
];

// What a document kept with a record may be: Word, WPS, PDF, text and pictures of a page.
const documents = (): FileFilter[] => [
  { name: message('files.filters.documents'), extensions: ['docx', 'doc', 'wps', 'pdf', 'txt', 'jpg', 'jpeg', 'png'] },
  { name: message('files.filters.all'), extensions: ['*'] },
];

// What a research report may be handed in as (the file is then checked by its content).
const reportFiles = (): FileFilter[] => [
  { name: message('files.filters.reports'), extensions: ['docx', 'doc', 'wps', 'pdf', 'txt', 'md'] },
  { name: message('files.filters.all'), extensions: ['*'] },
];

const archives = (): FileFilter[] => [{ name: message('files.filters.zip'), extensions: ['zip'] }];

const openFilters = (purpose: OpenPurpose): FileFilter[] =>
  purpose === 'attachment'
    ? documents()
    : purpose === 'reportFiles'
      ? reportFiles()
      : purpose === 'archiveImport'
        ? archives()
        : spreadsheets();

const formatExtensions: Record<SaveFormat, string> = {
  xlsx: 'xlsx',
  docx: 'docx',
  pdf: 'pdf',
  csv: 'csv',
  ics: 'ics',
  zip: 'zip',
};

// What the person chose becomes a grant for that purpose; the page sees the grant and the file's
// own name, never where it lies.
const granted = (core: Core, path: string | undefined, purpose: GrantPurpose, format?: SaveFormat): Chosen =>
  path === undefined ? { grant: null, name: null } : { grant: core.grants.issue(path, purpose, format), name: basename(path) };

// The file a save dialog answered, ending in the extension of what will be written into it. Windows'
// and macOS's dialogs add the filter's extension themselves; GTK's (UOS, Kylin) keeps a typed 名册 as
// it is, and a person may type 名册.doc or 2019.6 名册. The bytes are the asked format whatever the
// name says, and Word, Excel and WPS choose by the extension: so the core appends it (名册.pdf,
// 名册.doc.pdf) rather than write a PDF that opens as nothing. The dialog asked about replacing the
// name typed, not the one appended: when that one exists, the person is asked to choose again.
// An extension of the same kind of document (名册.xls for an .xlsx, 总结.doc for a .docx, 日程.htm…) is
// replaced rather than kept in front: 名册.xlsx, not 名册.xls.xlsx.
const sameKind: Record<SaveFormat, readonly string[]> = {
  xlsx: ['.xls', '.et', '.xlsm'],
  docx: ['.doc', '.wps', '.rtf'],
  pdf: [],
  csv: ['.txt'],
  ics: ['.ical', '.ifb'],
  zip: [],
};

const withExtension = (path: string | undefined, format: SaveFormat): string | undefined => {
  const extension = formatExtensions[format];
  if (path === undefined || extname(path).toLowerCase() === `.${extension}`) return path;
  const stem = sameKind[format].includes(extname(path).toLowerCase()) ? path.slice(0, -extname(path).length) : path;
  const named = `${stem}.${extension}`;
  if (existsSync(named)) throw new AppError('INVALID_INPUT', message('files.saveExists', { name: basename(named) }));
  return named;
};

export const fileHandlers = {
  'files.chooseOpen': async (core, { purpose }) =>
    granted(
      core,
      await core.platform.chooseOpenFile({
        title: message(`files.titles.${purpose}`),
        filters: openFilters(purpose),
      }),
      purpose,
    ),
  'files.chooseOpenMany': async (core, { purpose }) => {
    const paths = await core.platform.chooseOpenFiles({
      title: message(`files.titles.${purpose}`),
      filters: openFilters(purpose),
    });
    return { files: paths.map((path) => granted(core, path, purpose)) };
  },
  'files.chooseSave': async (core, { purpose, defaultName, format }) =>
    granted(
      core,
      withExtension(
        await core.platform.chooseSaveFile({
          title: message(`files.titles.${purpose}`),
          defaultName,
          filters: [{ name: message(`files.filters.${format}`), extensions: [formatExtensions[format]] }],
        }),
        format,
      ),
      purpose,
      format,
    ),
  'files.receiveDropped': (core, { files }, job) => receiveDropped(core, files, job),
  'files.chooseFolder': async (core, { purpose }) =>
    granted(core, await core.platform.chooseFolder({ title: message(`files.titles.${purpose}`) }), purpose),
  // Only a file the app wrote in this run: a grant that an export has used.
  'files.showInFolder': async (core, { grant }) => {
    await core.platform.showInFolder(core.grants.written(grant));
    return {};
  },
} satisfies Handlers;
