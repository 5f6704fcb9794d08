import { z } from 'zod';
import type { AuditEntry, AuditFilters } from '../../../shared/audit/schemas';
import { addDays, localDateTimeOf, localDayStart } from '../../../shared/dates';
import { message, messageIfKnown } from '../../../shared/i18n/translate';
import type { Core } from '../context';
import type { TableDoc } from '../documents/table-doc';
import { writeXlsx } from '../documents/xlsx-writer';
import { exportTarget, finishExport } from '../files/export';
import type { Job } from '../jobs/job';
import { getSettings } from '../settings/service';
import { type ExportResult } from '../../../shared/files/schemas';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';

type Row = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  summary: string;
  channel: string;
  before: string | null;
  after: string | null;
};

// What the triggers and record() wrote: a JSON object (or nothing).
const changes = jsonColumn(z.json(), null);

const nameIn = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of ['name', 'title', 'code', 'key', 'kind']) {
    const found: unknown = Reflect.get(value, key);
    if (typeof found === 'string' && found !== '') return found;
  }
  return undefined;
};

// Lines the triggers wrote carry no sentence; one is made from the action, the table and the name.
const summaryOf = (row: Row): string => {
  if (row.summary) return row.summary;
  const name = nameIn(changes(row.after)) ?? nameIn(changes(row.before)) ?? row.entity_id ?? '';
  return message('audit.line', {
    action: messageIfKnown(`audit.actions.${row.action}`) ?? row.action,
    entity: messageIfKnown(`audit.entities.${row.entity}`) ?? row.entity,
    name,
  });
};

// The one statement that reads the log, newest first, for every combination of filters (a filter
// left empty, null, matches every line), with the number of matching lines beside each.
const matchingSql = `SELECT *, count(*) OVER () AS total FROM audit_log
  WHERE (@action IS NULL OR action = @action) AND (@entity IS NULL OR entity = @entity) AND (@actor IS NULL OR actor = @actor)
    AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)
    AND (@search IS NULL OR summary LIKE @search ESCAPE '\\' OR before LIKE @search ESCAPE '\\' OR after LIKE @search ESCAPE '\\'
      OR channel LIKE @search ESCAPE '\\')
  ORDER BY id DESC LIMIT @limit OFFSET @offset`;

type FilterParams = Record<'action' | 'entity' | 'actor' | 'from' | 'to' | 'search', string | null>;

const filterParams = (filters: AuditFilters): FilterParams => ({
  action: filters.action ?? null,
  entity: filters.entity ?? null,
  actor: filters.actor ?? null,
  // The days are the workstation's (rule 10) and the log holds UTC instants: a day runs from its local midnight
  // up to the next one's, included.
  from: filters.from ? localDayStart(filters.from) : null,
  to: filters.to ? localDayStart(addDays(filters.to, 1)) : null,
  search: filters.search ? `%${filters.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
});

const matching = (core: Core, filters: AuditFilters, limit: number, offset: number) =>
  statement<FilterParams & { limit: number; offset: number }, Row & { total: number }>(core.db, matchingSql).all({
    ...filterParams(filters),
    limit,
    offset,
  });

const toEntry = (row: Row): AuditEntry => ({
  id: row.id,
  at: row.at,
  actor: row.actor,
  action: row.action,
  entity: row.entity,
  entityId: row.entity_id,
  summary: summaryOf(row),
  channel: row.channel,
  before: changes(row.before),
  after: changes(row.after),
});

// Newest first; the log is only ever read here, never changed (its triggers refuse that).
export const listAudit = (core: Core, query: AuditFilters & { limit: number; offset: number }) => {
  const rows = matching(core, query, query.limit, query.offset);
  // A page past the end has no rows to carry the count; the count is then read from the first page.
  const total = rows[0]?.total ?? (query.offset > 0 ? (matching(core, query, 1, 0)[0]?.total ?? 0) : 0);
  return { items: rows.map(toEntry), total };
};

const compact = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

export const exportAudit = async (core: Core, input: AuditFilters & { grant: string }, job: Job): Promise<ExportResult> => {
  const output = exportTarget(core, input.grant, 'xlsx');
  // Oldest first, as a log is read on paper.
  const rows = matching(core, input, -1, 0).reverse().map(toEntry);
  job.progress('write', 0, 1);
  const doc: TableDoc = {
    title: message('documents.audit.title'),
    subtitle: [getSettings(core).schoolName, message('documents.audit.count', { count: rows.length })]
      .filter(Boolean)
      .join(message('text.gap')),
    orientation: 'landscape',
    sections: [
      {
        columns: [
          { label: message('documents.audit.columns.at'), width: 9 },
          { label: message('documents.audit.columns.actor'), width: 5 },
          { label: message('documents.audit.columns.action'), width: 4, align: 'center' },
          { label: message('documents.audit.columns.summary'), width: 20 },
          { label: message('documents.audit.columns.channel'), width: 7 },
          { label: message('documents.audit.columns.before'), width: 16 },
          { label: message('documents.audit.columns.after'), width: 16 },
        ],
        rows: rows.map((entry) => [
          localDateTimeOf(entry.at),
          entry.actor,
          messageIfKnown(`audit.actions.${entry.action}`) ?? entry.action,
          entry.summary,
          entry.channel,
          compact(entry.before),
          compact(entry.after),
        ]),
      },
    ],
  };
  const bytes = await writeXlsx(doc);
  return finishExport(core, job, output, bytes, {
    rows: rows.length,
    audit: {
      entity: 'data',
      summary: message('documents.audit.summary', { count: rows.length, path: output.path }),
      after: { path: output.path, rows: rows.length },
    },
  });
};
