import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';

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
