import { basename } from 'node:path';
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
const granted = (core: Core, path: string | undefined, purpose: GrantPurpose): Chosen =>
  path === undefined ? { grant: null, name: null } : { grant: core.grants.issue(path, purpose), name: basename(path) };

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
      await core.platform.chooseSaveFile({
        title: message(`files.titles.${purpose}`),
        defaultName,
        filters: [{ name: message(`files.filters.${format}`), extensions: [formatExtensions[format]] }],
      }),
      purpose,
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
