import type { ExportResult } from '../../../shared/files/schemas';
import type { RowChange, TablePreview } from '../../../shared/files/import-preview';
import { message } from '../../../shared/i18n/translate';
import { shownText } from '../../../shared/text/shown';
import {
  externalOfWord,
  type StaffColumn,
  staffColumns,
  type StaffFields,
  staffFieldsSchema,
} from '../../../shared/staff/schemas';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { exportTable } from '../documents/table-export';
import { importTable, previewTable, type TableWrite } from '../documents/table-import-job';
import {
  type CellReader,
  columnWord,
  duplicatesBy,
  listCell,
  schemaRow,
  type TableRecord,
  type TableSpec,
  textCell,
} from '../documents/table-import';
import { fieldChanges, withSavedFields } from '../documents/record-update';
import type { Job } from '../jobs/job';
import { getSettings } from '../settings/service';
import { createStaff, getStaff, listStaff, updateStaff } from './service';

// The 师资库 as offices keep it in Excel: one person a row. A person is the same person when name and
// unit agree (two 王建国 of two units are two people).

type Field = StaffColumn;

// A unit (or a 类别) merged over the people of it stands for each of them. 性别 and whatever else a
// 师资库 keeps beside these has no field here: it is listed as not imported.
export const staffTable: TableSpec<Field> = {
  synonyms: staffColumns,
  required: ['name'],
  mergedDown: ['organisation', 'external'],
  named: 'name',
};

const readExternal: CellReader<boolean> = (cell) => {
  const external = externalOfWord(textCell(cell));
  return external === undefined ? { expected: message('staff.expectExternal') } : { value: external };
};

const order = Object.keys(staffTable.synonyms) as Field[];
const label = (field: Field) => columnWord(staffTable, field);

const staffFields = Object.keys(staffFieldsSchema.shape) as (keyof StaffFields)[];

const keyOf = (fields: { name: string; organisation: string }) => `${fields.name}\u0000${fields.organisation}`;

type Counts = { added: number; updated: number; unchanged: number };

const staffImport = (core: Core) => {
  const declared = {
    readers: { external: readExternal },
    across: (records: readonly TableRecord<Field>[]) =>
      duplicatesBy(
        records,
        (r) => keyOf({ name: textCell(r.cells.name), organisation: textCell(r.cells.organisation) }),
        `${label('name')}${message('text.list')}${label('organisation')}`,
        (key) => key.replace('\u0000', message('text.list')),
      ),
    make: ({ row, cells }: TableRecord<Field>, read: { external: boolean }) => {
      const made = schemaRow(
        staffTable,
        row,
        staffFieldsSchema.safeParse({
          name: textCell(cells.name),
          organisation: textCell(cells.organisation),
          title: textCell(cells.title),
          phone: textCell(cells.phone),
          external: read.external,
          expertise: textCell(cells.expertise),
          roles: listCell(cells.roles),
          notes: textCell(cells.notes),
        }),
        { otherwise: 'name', labels: { name: 'fields.personName' } },
      );
      // The columns the file has: a sheet sent with 讲授专题 alone updates those, and leaves each
      // person's phone, 职务职称 and 外聘 as they were.
      return 'value' in made ? { value: { fields: made.value, given: new Set(Object.keys(cells)) } } : made;
    },
  };
  const columns = order.map((field) => ({
    column: label(field),
    value: (person: StaffFields) =>
      // 外聘 said as the export writes it, not as 是/否.
      field === 'external' ? message(person.external ? 'staff.external' : 'staff.internal') : person[field],
  }));
  const write: TableWrite<{ fields: StaffFields; given: Set<string> }, Counts> = (rows, file) => {
    const counts = { added: 0, updated: 0, unchanged: 0 };
    const changes: RowChange[] = [];
    const known = new Map(
      statement<[], { id: number; name: string; organisation: string }>(core.db, 'SELECT id, name, organisation FROM staff')
        .all()
        .map((row) => [keyOf(row), row.id]),
    );
    for (const { row, value: entry } of rows) {
      const { fields, given } = entry;
      const id = known.get(keyOf(fields));
      if (id === undefined) {
        known.set(keyOf(fields), createStaff(core, fields).id);
        counts.added += 1;
        continue;
      }
      const before = getStaff(core, id);
      // Roles given in the file are added to those the person has; none given keeps theirs.
      const roles = [...new Set([...before.roles, ...fields.roles])];
      const kept = withSavedFields(fields, before, staffFields, (key) => given.has(key));
      const after = updateStaff(core, id, { ...kept, roles });
      if (JSON.stringify(before) === JSON.stringify(after)) counts.unchanged += 1;
      else {
        counts.updated += 1;
        changes.push({ row, who: shownText(fields.name), fields: fieldChanges<StaffFields>(before, after, columns) });
      }
    }
    return { result: counts, audit: { entity: 'staff', summary: message('staff.importSummary', { ...counts, file }) }, changes };
  };
  return { declared, write };
};

export const importStaff = async (
  core: Core,
  grant: string,
  job: Job,
  token?: string,
): Promise<Counts & { ignoredColumns: string[] }> => {
  const { declared, write } = staffImport(core);
  return importTable(core, job, grant, staffTable, declared, write, { scope: 0, token });
};

export const previewStaff = async (core: Core, grant: string, job: Job): Promise<TablePreview> => {
  const { declared, write } = staffImport(core);
  return previewTable(core, job, grant, staffTable, declared, write, (counts) => counts);
};

export const exportStaff = async (core: Core, grant: string, job: Job): Promise<ExportResult> => {
  const people = listStaff(core, undefined).items;
  const widths: Record<Field, number> = {
    name: 6,
    organisation: 16,
    title: 8,
    phone: 11,
    external: 5,
    expertise: 16,
    roles: 10,
    notes: 10,
  };
  return exportTable(
    core,
    job,
    grant,
    {
      spec: staffTable,
      columns: order.map((field) => ({ field, width: widths[field] })),
      rows: people.map((person) => ({
        name: person.name,
        organisation: person.organisation,
        title: person.title,
        phone: person.phone,
        external: message(person.external ? 'staff.external' : 'staff.internal'),
        expertise: person.expertise,
        roles: person.roles.join(message('text.list')),
        notes: person.notes,
      })),
      title: message('staff.listTitle'),
      subtitle: getSettings(core).schoolName,
      orientation: 'landscape',
    },
    { entity: 'staff', summary: (path) => message('staff.exportSummary', { count: people.length, path }) },
  );
};
