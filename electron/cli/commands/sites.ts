import { message } from '../../../shared/i18n/translate';
import type { Base, SiteImportResult } from '../../../shared/sites/schemas';
import type { Staff } from '../../../shared/staff/schemas';
import { err, ok, type Result } from '../../../shared/result';
import { type Call, type Command, defined, single, steps, UsageError, type Values } from '../command';
import { formatTable } from '../format';
import { cliText } from '../messages';
import { oneFile } from './class-args';
import { withIgnored } from './ignored-columns';

// --site names a teaching point by its name (exactly) or its number.
export const siteOption = { site: { type: 'string', describe: cliText('sites.siteOption') } } as const;

export const siteId = async (call: Call, values: Values): Promise<Result<{ id: number; name: string }>> => {
  const ref = values['site'];
  if (typeof ref !== 'string' || ref.trim() === '') throw new UsageError(cliText('sites.needSite'));
  const tree = await call('sites.tree', { includeInactive: true });
  if (!tree.ok) return tree;
  const points = tree.value.bases.flatMap((base) => base.points);
  const wanted = ref.trim();
  const found = /^\d+$/.test(wanted) ? points.find((p) => p.id === Number(wanted)) : points.find((p) => p.name === wanted);
  return found
    ? ok({ id: found.id, name: found.name })
    : err({ code: 'NOT_FOUND', message: cliText('sites.noSite', { name: wanted }) });
};

const searchOption = (key: 'sites.list.search' | 'staff.list.search') =>
  ({ search: { type: 'string', describe: cliText(key) } }) as const;

export const siteCommands: readonly Command[] = [
  steps<SiteImportResult>({
    words: ['sites', 'import'],
    usage: cliText('sites.import.usage'),
    summary: cliText('sites.import.summary'),
    options: {},
    execute: ({ call, grant }, _values, positionals) =>
      call('sites.import', { grant: grant(oneFile(positionals, cliText('sites.what')), 'tableImport') }),
    print: ({ bases, points, ignoredColumns }) =>
      withIgnored(cliText('sites.import.done', { basesAdded: bases.added, ...points }), ignoredColumns),
  }),
  single({
    words: ['sites', 'list'],
    usage: cliText('sites.list.usage'),
    summary: cliText('sites.list.summary'),
    options: searchOption('sites.list.search'),
    channel: 'sites.tree',
    input: (values) => defined({ search: values['search'], includeInactive: true }),
    print: ({ bases }: { bases: Base[] }) => {
      const label = (key: 'base' | 'name' | 'kind' | 'capacity' | 'minutes' | 'households') =>
        cliText(`sites.list.columns.${key}`);
      return formatTable(
        [label('base'), label('name'), label('kind'), label('capacity'), label('minutes'), label('households')],
        bases.flatMap((base) =>
          base.points.map((point) => [
            base.name || message('sites.noBase'),
            point.name,
            point.kind,
            point.capacity === null ? '' : String(point.capacity),
            point.minutesFromSchool === null ? '' : String(point.minutesFromSchool),
            point.households > 0 ? String(point.households) : '',
          ]),
        ),
      );
    },
  }),
  steps<{ path: string; rows: number }>({
    words: ['sites', 'export'],
    usage: cliText('sites.export.usage'),
    summary: cliText('sites.export.summary'),
    options: { out: { type: 'string', describe: cliText('classArgs.out') } },
    execute: ({ call, grant }, values) => {
      const out = values['out'];
      if (typeof out !== 'string') throw new UsageError(cliText('classArgs.needOut'));
      return call('sites.export', { grant: grant(out, 'export') });
    },
    print: ({ path, rows }) => cliText('sites.export.done', { rows, path }),
  }),
  steps<{ added: number; updated: number; unchanged: number; ignoredColumns: string[] }>({
    words: ['staff', 'import'],
    usage: cliText('staff.import.usage'),
    summary: cliText('staff.import.summary'),
    options: {},
    execute: ({ call, grant }, _values, positionals) =>
      call('staff.import', { grant: grant(oneFile(positionals, cliText('staff.what')), 'tableImport') }),
    print: ({ ignoredColumns, ...counts }) => withIgnored(cliText('staff.import.done', counts), ignoredColumns),
  }),
  single({
    words: ['staff', 'list'],
    usage: cliText('staff.list.usage'),
    summary: cliText('staff.list.summary'),
    options: searchOption('staff.list.search'),
    channel: 'staff.list',
    input: (values) => defined({ search: values['search'] }),
    print: ({ items }: { items: Staff[] }) => {
      const label = (key: 'name' | 'organisation' | 'title' | 'kind' | 'sessions') => cliText(`staff.list.columns.${key}`);
      return formatTable(
        [label('name'), label('organisation'), label('title'), label('kind'), label('sessions')],
        items.map((person) => [
          person.name,
          person.organisation,
          person.title,
          message(person.external ? 'staff.external' : 'staff.internal'),
          String(person.sessionCount),
        ]),
      );
    },
    json: ({ items }) => items,
  }),
  steps<{ site: string; added: number; updated: number; unchanged: number; ignoredColumns: string[] }>({
    words: ['households', 'import'],
    usage: cliText('households.import.usage'),
    summary: cliText('households.import.summary'),
    options: siteOption,
    execute: async ({ call, grant }, values, positionals) => {
      const file = grant(oneFile(positionals, cliText('households.what')), 'tableImport');
      const site = await siteId(call, values);
      if (!site.ok) return site;
      const result = await call('lodging.importHouseholds', { siteId: site.value.id, grant: file });
      return result.ok ? ok({ site: site.value.name, ...result.value }) : result;
    },
    print: ({ ignoredColumns, ...counts }) => withIgnored(cliText('households.import.done', counts), ignoredColumns),
  }),
  // A dormitory's or hotel's rooms: the front desk's list in (房间号 / 楼层 / 床位 / 性别), and out again.
  steps<{ site: string; added: number; updated: number; unchanged: number; ignoredColumns: string[] }>({
    words: ['rooms', 'import'],
    usage: cliText('rooms.import.usage'),
    summary: cliText('rooms.import.summary'),
    options: siteOption,
    execute: async ({ call, grant }, values, positionals) => {
      const file = grant(oneFile(positionals, cliText('rooms.what')), 'tableImport');
      const site = await siteId(call, values);
      if (!site.ok) return site;
      const result = await call('lodging.importHouseholds', { siteId: site.value.id, grant: file });
      return result.ok ? ok({ site: site.value.name, ...result.value }) : result;
    },
    print: ({ ignoredColumns, ...counts }) => withIgnored(cliText('rooms.import.done', counts), ignoredColumns),
  }),
  steps<{ path: string; rows: number }>({
    words: ['rooms', 'export'],
    usage: cliText('rooms.export.usage'),
    summary: cliText('rooms.export.summary'),
    options: { ...siteOption, out: { type: 'string', describe: cliText('classArgs.out') } },
    execute: async ({ call, grant }, values) => {
      const out = values['out'];
      if (typeof out !== 'string') throw new UsageError(cliText('classArgs.needOut'));
      const site = await siteId(call, values);
      if (!site.ok) return site;
      return call('lodging.exportHouseholds', { siteId: site.value.id, grant: grant(out, 'export') });
    },
    print: ({ path, rows }) => cliText('rooms.export.done', { rows, path }),
  }),
];
