import type { AuditEntry, AuditFilters } from '../../../shared/audit/schemas';
import { addDays } from '../../../shared/dates';
import { message } from '../../../shared/i18n/translate';
import type { Core } from '../context';
import type { TableDoc } from '../documents/table-doc';
import { writeXlsx } from '../documents/xlsx-writer';
import { exportTarget, finishExport } from '../files/export';
import type { Job } from '../jobs/job';
import { getSettings } from '../settings/service';
import { type ExportResult } from '../../../shared/files/schemas';

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

const parse = (json: string | null): unknown => {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
};

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
  const name = nameIn(parse(row.after)) ?? nameIn(parse(row.before)) ?? row.entity_id ?? '';
  return message('audit.line', {
    action: message(`audit.actions.${row.action}`),
    entity: message(`audit.entities.${row.entity}`),
    name,
  });
};

const where = (filters: AuditFilters): { sql: string; params: Record<string, string> } => {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (filters.action) {
    clauses.push('action = @action');
    params['action'] = filters.action;
  }
  if (filters.entity) {
    clauses.push('entity = @entity');
    params['entity'] = filters.entity;
  }
  if (filters.actor) {
    clauses.push('actor = @actor');
    params['actor'] = filters.actor;
  }
  if (filters.from) {
    clauses.push('at >= @from');
    params['from'] = filters.from;
  }
  if (filters.to) {
    clauses.push('at < @to');
    params['to'] = addDays(filters.to, 1);
  }
  if (filters.search) {
    clauses.push(
      `(summary LIKE @search ESCAPE '\\' OR before LIKE @search ESCAPE '\\' OR after LIKE @search ESCAPE '\\' OR channel LIKE @search ESCAPE '\\')`,
    );
    params['search'] = `%${filters.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
};

const toEntry = (row: Row): AuditEntry => ({
  id: row.id,
  at: row.at,
  actor: row.actor,
  action: row.action,
  entity: row.entity,
  entityId: row.entity_id,
  summary: summaryOf(row),
  channel: row.channel,
  before: parse(row.before),
  after: parse(row.after),
});

// Newest first; the log is only ever read here, never changed (its triggers refuse that).
export const listAudit = (core: Core, query: AuditFilters & { limit: number; offset: number }) => {
  const { sql, params } = where(query);
  const total = Number(core.db.prepare(`SELECT count(*) FROM audit_log ${sql}`).pluck().get(params));
  const rows = core.db
    .prepare<Record<string, string | number>, Row>(`SELECT * FROM audit_log ${sql} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.limit, offset: query.offset });
  return { items: rows.map(toEntry), total };
};

const compact = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

export const exportAudit = async (core: Core, input: AuditFilters & { grant: string }, job: Job): Promise<ExportResult> => {
  const output = exportTarget(core, input.grant);
  const { sql, params } = where(input);
  const rows = core.db
    .prepare<Record<string, string>, Row>(`SELECT * FROM audit_log ${sql} ORDER BY id`)
    .all(params)
    .map(toEntry);
  job.progress('write', 0, 1);
  const doc: TableDoc = {
    title: '操作日志',
    subtitle: [getSettings(core).schoolName, `共 ${rows.length} 条`].filter(Boolean).join('　　'),
    orientation: 'landscape',
    sections: [
      {
        columns: [
          { label: '时间', width: 9 },
          { label: '操作人', width: 5 },
          { label: '操作', width: 4, align: 'center' },
          { label: '说明', width: 20 },
          { label: '来源', width: 7 },
          { label: '变更前', width: 16 },
          { label: '变更后', width: 16 },
        ],
        rows: rows.map((entry) => [
          entry.at,
          entry.actor,
          message(`audit.actions.${entry.action}`),
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
      summary: `导出操作日志（${rows.length} 条）到 ${output.path}`,
      after: { path: output.path, rows: rows.length },
    },
  });
};
