import type { ExportResult } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import { pointFieldsSchema, type SiteColumn, siteColumns, type SiteImportResult } from '../../../shared/sites/schemas';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { exportTable } from '../documents/table-export';
import { importTable } from '../documents/table-import-job';
import {
  cellReaders,
  columnWord,
  duplicatesBy,
  listCell,
  schemaRow,
  type TableSpec,
  textCell,
  withSavedFields,
} from '../documents/table-import';
import type { Job } from '../jobs/job';
import { getSettings } from '../settings/service';
import { getPointRow, pointIdByName, saveBase, siteTree, writePoint } from './service';

// Teaching points as a spreadsheet: one row a point, its base named in the first column. What the
// export writes, the import reads back.

type Field = SiteColumn;

// A base (and its kind and township) merged over the points it holds stands for each of them.
export const sitesTable: TableSpec<Field> = {
  synonyms: siteColumns,
  required: ['name'],
  mergedDown: ['base', 'kind', 'township'],
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

export const importSites = async (core: Core, grant: string, job: Job): Promise<SiteImportResult> => {
  const staffByName = new Map(statement<[], [string, number]>(core.db, 'SELECT name, id FROM staff').raw().all());
  return importTable(
    core,
    job,
    grant,
    sitesTable,
    {
      readers,
      across: (records) => duplicatesBy(records, (r) => textCell(r.cells.name), columnWord(sitesTable, 'name')),
      make: ({ row, cells }, read) => {
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
    },
    (rows, file) => {
      const bases = { added: 0, updated: 0 };
      const points = { added: 0, updated: 0, unchanged: 0 };
      const baseIds = new Map(statement<[], [string, number]>(core.db, 'SELECT name, id FROM site_bases').raw().all());
      for (const { value } of rows) {
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
        if (JSON.stringify(before) === JSON.stringify(after)) points.unchanged += 1;
        else points.updated += 1;
      }
      return {
        result: { bases, points },
        audit: { entity: 'sites', summary: message('sites.importSummary', { basesAdded: bases.added, ...points, file }) },
      };
    },
  );
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
