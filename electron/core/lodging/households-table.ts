import { AppError } from '../../../shared/errors';
import type { RowChange, TablePreview } from '../../../shared/files/import-preview';
import type { ExportResult } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import {
  type Household,
  type HouseholdColumn,
  householdColumns,
  type HouseholdFields,
  householdFieldsSchema,
  type Hosts,
  hostsOfWord,
  notHostingPattern,
} from '../../../shared/lodging/schemas';
import { shownText } from '../../../shared/text/shown';
import type { Core } from '../context';
import { exportTable } from '../documents/table-export';
import { importTable, previewTable, type TableWrite } from '../documents/table-import-job';
import {
  type CellReader,
  cellReaders,
  columnWord,
  duplicatesBy,
  numberCell,
  type ReadValues,
  refuseRows,
  schemaRow,
  type TableRecord,
  type TableSpec,
  textCell,
} from '../documents/table-import';
import { fieldChanges, withSavedFields } from '../documents/record-update';
import type { Job } from '../jobs/job';
import { householdRow, hostsWord, listHouseholds, villageOf } from './households';
import { writeHousehold } from './unit-write';

// A village's households as a spreadsheet: read from the list the village keeps (preview, then
// commit) and written back as one. The cell readers and the writer of an imported list serve the
// rooms' list too (rooms.ts).

type Field = HouseholdColumn;

// An address or a 可接待 merged over the households it stands for (one 屯, one rule) holds for each.
export const householdsTable: TableSpec<Field> = {
  synonyms: householdColumns,
  required: ['head', 'beds'],
  mergedDown: ['address', 'hosts'],
  named: 'head',
};

const label = (field: Field) => columnWord(householdsTable, field);

export const readHosts: CellReader<Hosts> = (cell) => {
  const hosts = hostsOfWord(textCell(cell));
  return hosts === undefined ? { expected: message('lodging.expectHosts') } : { value: hosts };
};
// Beds as a village writes them: "3张床", "２"; 0, 无, or 暂停 / 不接待 in their place for a household
// not hosting now (then read as 0, unless a number stands beside the word).
export const readBeds: CellReader<{ beds: number | null; pausedWord: boolean }> = (cell) => {
  const text = textCell(cell);
  const pausedWord = notHostingPattern.test(text);
  const beds = /^(无|没有)$/.test(text) ? 0 : numberCell(cell);
  if (beds === undefined && !pausedWord) return { expected: message('table.expectNumber') };
  return { value: { beds: beds ?? (pausedWord ? 0 : null), pausedWord } };
};
const readers = { beds: readBeds, hosts: readHosts, mixedRooms: cellReaders.yesNo(false), active: cellReaders.yesNo(true) };

const householdKeys = [
  'head',
  'phone',
  'address',
  'beds',
  'hosts',
  'notes',
  'active',
] as const satisfies readonly (keyof HouseholdFields)[];

export type Counts = { added: number; updated: number; unchanged: number };

// An imported list's households or rooms written: added, or updated in the columns the file has (the
// rest kept as saved), counted, and each change said for the preview. A row whose write a rule refuses
// (beds below what the stays already place there, a sex against its guests) names itself.
export const unitsWrite =
  (
    core: Core,
    siteId: number,
    keys: readonly (keyof HouseholdFields)[],
    changeColumns: readonly { column: string; value: (unit: Household) => unknown }[],
    summary: (counts: Counts, file: string) => string,
  ): TableWrite<{ fields: HouseholdFields; given: Set<string> }, Counts> =>
  (rows, file) => {
    const counts = { added: 0, updated: 0, unchanged: 0 };
    const changes: RowChange[] = [];
    const existing = new Map(listHouseholds(core, siteId, true).map((unit) => [unit.head, unit]));
    for (const { row, value: entry } of rows) {
      const before = existing.get(entry.fields.head);
      try {
        if (!before) {
          writeHousehold(core, siteId, undefined, entry.fields);
          counts.added += 1;
          continue;
        }
        writeHousehold(
          core,
          siteId,
          before.id,
          withSavedFields<HouseholdFields>(entry.fields, before, keys, (key) => entry.given.has(key)),
        );
      } catch (error) {
        if (error instanceof AppError) throw refuseRows([{ row, who: entry.fields.head, message: error.message }]);
        throw error;
      }
      const after = householdRow(core, before.id);
      if (JSON.stringify(after) === JSON.stringify(before)) counts.unchanged += 1;
      else {
        counts.updated += 1;
        changes.push({ row, who: shownText(before.head), fields: fieldChanges(before, after, changeColumns) });
      }
    }
    return { result: counts, audit: { entity: 'households', entityId: siteId, summary: summary(counts, file) }, changes };
  };

// How a household's columns are read from a saved one, for a preview saying what an update changes.
const householdChangeColumns = (Object.keys(householdColumns) as Field[]).map((field) => ({
  column: label(field),
  value: (household: Household) => (field === 'hosts' ? hostsWord(household.hosts) : household[field]),
}));

const householdImport = (core: Core, siteId: number) => {
  const site = villageOf(core, siteId);
  const declared = {
    readers,
    across: (records: readonly TableRecord<Field>[]) => duplicatesBy(records, (r) => textCell(r.cells.head), label('head')),
    make: ({ row, cells }: TableRecord<Field>, read: ReadValues<typeof readers>) => {
      const { beds, pausedWord } = read.beds;
      const written = textCell(cells.notes);
      // No beds, or 暂停 / 不接待 in the beds or the notes: on the list, not hosting now. A reason
      // written in place of the beds is kept as the note when there is no other.
      const notHosting = beds === 0 || pausedWord || notHostingPattern.test(written);
      const parsed = householdFieldsSchema.safeParse({
        head: textCell(cells.head),
        phone: textCell(cells.phone),
        address: textCell(cells.address),
        beds: beds ?? undefined,
        hosts: read.hosts,
        mixedRooms: read.mixedRooms,
        notes: written === '' && pausedWord ? textCell(cells.beds) : written,
        active: notHosting ? false : read.active,
      });
      const made = schemaRow(householdsTable, row, parsed, { otherwise: 'head' });
      // The columns the file has (a pause read from the beds or the notes says 接待 too): a sheet of
      // beds alone leaves each household's phone, address and notes as they were.
      const given = new Set([...Object.keys(cells), ...(notHosting ? ['active'] : [])]);
      return 'value' in made ? { value: { fields: made.value, given } } : made;
    },
  };
  const write = unitsWrite(core, siteId, householdKeys, householdChangeColumns, (counts, file) =>
    message('lodging.importSummary', { site: site.name, ...counts, file }),
  );
  return { declared, write };
};

export const importHouseholds = async (
  core: Core,
  siteId: number,
  grant: string,
  job: Job,
  token?: string,
): Promise<Counts & { ignoredColumns: string[] }> => {
  const { declared, write } = householdImport(core, siteId);
  return importTable(core, job, grant, householdsTable, declared, write, { scope: siteId, token });
};

export const previewHouseholds = async (core: Core, siteId: number, grant: string, job: Job): Promise<TablePreview> => {
  const { declared, write } = householdImport(core, siteId);
  return previewTable(core, job, grant, householdsTable, declared, write, (counts) => counts, siteId);
};

export const exportHouseholds = async (core: Core, siteId: number, grant: string, job: Job): Promise<ExportResult> => {
  const site = villageOf(core, siteId);
  const households = listHouseholds(core, siteId, true);
  const widths: Record<Field, number> = {
    head: 8,
    phone: 12,
    address: 18,
    beds: 6,
    hosts: 8,
    mixedRooms: 8,
    notes: 20,
    active: 4,
  };
  return exportTable(
    core,
    job,
    grant,
    {
      spec: householdsTable,
      columns: (Object.keys(widths) as Field[]).map((field) => ({ field, width: widths[field] })),
      rows: households.map((household) => ({
        head: household.head,
        phone: household.phone,
        address: household.address,
        beds: String(household.beds),
        hosts: hostsWord(household.hosts),
        mixedRooms: message(household.mixedRooms ? 'table.yes' : 'table.no'),
        notes: household.notes,
        active: message(household.active ? 'table.yes' : 'table.no'),
      })),
      title: `${site.name}${message('lodging.doc.householdsTitle')}`,
      subtitle: site.address,
      orientation: 'portrait',
    },
    {
      entity: 'households',
      entityId: siteId,
      summary: (path) => message('lodging.exportSummary', { site: site.name, count: households.length, path }),
    },
  );
};
