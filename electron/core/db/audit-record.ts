import { type Core, timestamp } from '../context';

// The kernel's half of the audit log: what every write calls, beside the triggers (audit-triggers.ts)
// that log the rows themselves. Reading the log is the audit folder's business.
import { statement } from './statements';

export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'reveal' | 'export' | 'print' | 'backup' | 'restore';

export type AuditEntry = {
  action: AuditAction;
  entity: string;
  entityId?: string | number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
};

// Appends to the log inside the caller's transaction: the entry exists exactly when the change does.
export const record = (core: Core, entry: AuditEntry): void => {
  statement(
    core.db,
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, before, after, channel)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    timestamp(core),
    core.actor,
    entry.action,
    entry.entity,
    entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    entry.summary,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    core.audit.channel,
  );
};

// The last line of the log before a write transaction starts: what the transaction writes comes after it.
export const lastLogLine = (core: Core): number =>
  statement<[], number>(core.db, 'SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() ?? 0;

// At the end of a write transaction, still inside it: the lines it wrote are one command (migration
// 16), kept with the door it came through and the name of the person the settings give. Lines a
// transaction brought along with their own commands (a restore carries the history of the database it
// replaces) are not taken in again.
export const closeCommand = (core: Core, before: number, operator: string): void => {
  const covered = statement<[], number>(core.db, 'SELECT coalesce(max(last_id), 0) FROM audit_commands').pluck().get() ?? 0;
  const range = statement<[number], { first: number | null; last: number | null }>(
    core.db,
    'SELECT min(id) AS first, max(id) AS last FROM audit_log WHERE id > ?',
  ).get(Math.max(before, covered));
  if (range?.first === null || range?.first === undefined || range.last === null) return;
  statement(core.db, 'INSERT INTO audit_commands (id, last_id, door, operator) VALUES (?, ?, ?, ?)').run(
    range.first,
    range.last,
    core.door,
    operator,
  );
};
