import type { ExportResult } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import type { RowChange, TablePreview } from '../../../shared/files/import-preview';
import {
  type Point,
  type PointFields,
  pointFieldsSchema,
  type SiteColumn,
  siteColumns,
  type SiteImportResult,
} from '../../../shared/sites/schemas';
import { shownText } from '../../../shared/text/shown';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { exportTable } from '../documents/table-export';
import { importTable, previewTable, type TableWrite } from '../documents/table-import-job';
import {
  cellReaders,
  columnWord,
  duplicatesBy,
  listCell,
  type ReadValues,
  schemaRow,
  type TableRecord,
  type TableSpec,
  textCell,
} from '../documents/table-import';
import { fieldChanges, withSavedFields } from '../documents/record-update';
import type { Job } from '../jobs/job';
import { getSettings } from '../settings/service';
import { saveBase } from './bases';
import { getPointRow, pointIdByName, writePoint } from './points';
import { siteTree } from './tree';

// Teaching points as a spreadsheet: one row a point, its base named in the first column. What the
// export writes, the import reads back.

type Field = SiteColumn;

// A base (and its kind and township) merged over the points it holds stands for each of them.
export const sitesTable: TableSpec<Field> = {
  synonyms: siteColumns,
  required: ['name'],
  mergedDown: ['base', 'kind', 'township'],
  named: 'name',
};

const readers = { capacity: cellReaders.number(), minutesFromSchool: cellReaders.number(), active: cellReaders.yesNo(true) };

const order = Object.keys(sitesTable.synonyms) as Field[];
// The schema's fields that the file writes under another column.
const schemaColumns = {
  otherwise: 'name',
  renamed: { guideStaffId: 'guide', guideName: 'guide', baseId: 'base' },
  labels: { name: 'fields.pointName', kind: 'fields.pointKind' },
} as const;

// The file column a point's field is read from.
const renamedColumns: Readonly<Record<string, string>> = schemaColumns.renamed;
const fileColumnOf = (key: string): string => renamedColumns[key] ?? key;

// How a point's columns are read from a saved point, for a preview saying what an update changes.
const pointColumns = (guideOf: (point: Point) => string): { column: string; value: (point: Point) => unknown }[] =>
  order.map((field) => ({
    column: columnWord(sitesTable, field),
    value:
      field === 'base'
        ? (point: Point) => point.baseName
        : field === 'guide'
          ? guideOf
          : (point: Point) => point[field satisfies keyof Point],
  }));

const siteImport = (core: Core) => {
  const staffByName = new Map(statement<[], [string, number]>(core.db, 'SELECT name, id FROM staff').raw().all());
  const staffNames = new Map([...staffByName].map(([name, id]) => [id, name]));
  const guideOf = (point: Point) =>
    point.guideStaffId !== null ? (staffNames.get(point.guideStaffId) ?? point.guideName) : point.guideName;
  const declared = {
    readers,
    across: (records: readonly TableRecord<Field>[]) =>
      duplicatesBy(records, (r) => textCell(r.cells.name), columnWord(sitesTable, 'name')),
    make: ({ row, cells }: TableRecord<Field>, read: ReadValues<typeof readers>) => {
      const guide = textCell(cells.guide);
      const parsed = pointFieldsSchema.safeParse({
        baseId: null,
        name: textCell(cells.name),
        kind: textCell(cells.kind),
        address: textCell(cells.address),
        township: textCell(cells.township),
        contactName: textCell(cells.contactName),
        contactPhone: textCell(cells.contactPhone),
        guideStaffId: staffByName.get(guide) ?? null,
        guideName: staffByName.has(guide) ? '' : guide,
        capacity: read.capacity,
        topics: textCell(cells.topics),
        modules: listCell(cells.modules),
        minutesFromSchool: read.minutesFromSchool,
        notes: textCell(cells.notes),
        active: read.active,
      });
      const made = schemaRow(sitesTable, row, parsed, schemaColumns);
      // The columns the file has: a sheet sent to add the 类型 or the 车程 of points already kept
      // updates those, and leaves each point's base, address and contacts as they were.
      const given = new Set(Object.keys(cells));
      return 'value' in made ? { value: { base: textCell(cells.base), fields: made.value, given } } : made;
    },
  };
  const write: TableWrite<{ base: string; fields: PointFields; given: Set<string> }, Omit<SiteImportResult, 'ignoredColumns'>> = (
    rows,
    file,
  ) => {
    const bases = { added: 0, updated: 0 };
    const points = { added: 0, updated: 0, unchanged: 0 };
    const changes: RowChange[] = [];
    const columns = pointColumns(guideOf);
    const baseIds = new Map(statement<[], [string, number]>(core.db, 'SELECT name, id FROM site_bases').raw().all());
    // The bases points left: those holding no point afterwards are offered for removal.
    const left = new Set<number>();
    for (const { row, value } of rows) {
      const { base, fields, given } = value;
      let baseId: number | null = null;
      if (base !== '') {
        baseId = baseIds.get(base) ?? null;
        if (baseId === null) {
          baseId = saveBase(core, undefined, { name: base, address: '', notes: '', active: true }).id;
          baseIds.set(base, baseId);
          bases.added += 1;
        }
      }
      const existing = pointIdByName(core, fields.name);
      const next = { ...fields, baseId };
      if (existing === undefined) {
        writePoint(core, undefined, next);
        points.added += 1;
        continue;
      }
      const before = getPointRow(core, existing);
      const kept = withSavedFields(next, before, Object.keys(pointFieldsSchema.shape) as (keyof typeof next)[], (key) =>
        given.has(fileColumnOf(key)),
      );
      // An imported row names the guide by name only: a guide chosen from the staff stays chosen.
      const merged = given.has('guide')
        ? { ...kept, guideStaffId: kept.guideStaffId ?? (kept.guideName === '' ? before.guideStaffId : null) }
        : kept;
      writePoint(core, existing, merged);
      const after = getPointRow(core, existing);
      if (JSON.stringify(before) === JSON.stringify(after)) {
        points.unchanged += 1;
        continue;
      }
      points.updated += 1;
      if (before.baseId !== null && before.baseId !== after.baseId) left.add(before.baseId);
      changes.push({ row, who: shownText(fields.name), fields: fieldChanges(before, after, columns) });
    }
    const emptied = [...left].filter(
      (id) => statement<[number], { n: number }>(core.db, 'SELECT count(*) AS n FROM sites WHERE base_id = ?').get(id)?.n === 0,
    );
    const emptiedBases = emptied.map((id) => ({
      id,
      name: statement<[number], { name: string }>(core.db, 'SELECT name FROM site_bases WHERE id = ?').get(id)?.name ?? '',
    }));
    return {
      result: { bases, points, emptiedBases },
      audit: { entity: 'sites', summary: message('sites.importSummary', { basesAdded: bases.added, ...points, file }) },
      changes,
    };
  };
  return { declared, write };
};

export const importSites = async (core: Core, grant: string, job: Job, token?: string): Promise<SiteImportResult> => {
  const { declared, write } = siteImport(core);
  return importTable(core, job, grant, sitesTable, declared, write, { scope: 0, token });
};

export const previewSites = async (core: Core, grant: string, job: Job): Promise<TablePreview> => {
  const { declared, write } = siteImport(core);
  return previewTable(core, job, grant, sitesTable, declared, write, ({ points }) => ({
    added: points.added,
    updated: points.updated,
    unchanged: points.unchanged,
  }));
};

export const exportSites = async (core: Core, grant: string, job: Job): Promise<ExportResult> => {
  const staffNames = new Map(statement<[], [number, string]>(core.db, 'SELECT id, name FROM staff').raw().all());
  const points = siteTree(core, undefined, true).bases.flatMap((base) => base.points);
  const widths: Record<Field, number> = {
    base: 14,
    name: 16,
    kind: 6,
    address: 16,
    township: 8,
    contactName: 6,
    contactPhone: 10,
    guide: 6,
    capacity: 6,
    topics: 16,
    modules: 16,
    minutesFromSchool: 8,
    notes: 12,
    active: 4,
  };
  return exportTable(
    core,
    job,
    grant,
    {
      spec: sitesTable,
      columns: order.map((field) => ({ field, width: widths[field] })),
      rows: points.map((point) => ({
        base: point.baseName,
        name: point.name,
        kind: point.kind,
        address: point.address,
        township: point.township,
        contactName: point.contactName,
        contactPhone: point.contactPhone,
        guide: point.guideStaffId !== null ? (staffNames.get(point.guideStaffId) ?? point.guideName) : point.guideName,
        capacity: point.capacity === null ? '' : String(point.capacity),
        topics: point.topics,
        modules: point.modules.join(message('text.list')),
        minutesFromSchool: point.minutesFromSchool === null ? '' : String(point.minutesFromSchool),
        notes: point.notes,
        active: message(point.active ? 'table.yes' : 'table.no'),
      })),
      title: message('sites.title'),
      subtitle: getSettings(core).schoolName,
      orientation: 'landscape',
    },
    { entity: 'sites', summary: (path) => message('sites.exportSummary', { count: points.length, path }) },
  );
};
