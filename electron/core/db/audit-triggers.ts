// Every change to a table is written to audit_log by SQLite itself, inside the same transaction:
// no code path — service, import, a later feature — can change data without leaving a trace.
// Who and through which call come from functions the connection registers (see connection.ts).

export type AuditedTable = {
  table: string;
  key: string;
  columns: readonly string[];
  // Personal data stays masked in the log: the log is read by more people than the roster.
  masked?: Readonly<Record<string, 'id' | 'phone'>>;
};

const valueOf = (row: 'OLD' | 'NEW', column: string, masked: AuditedTable['masked']) => {
  const mask = masked?.[column];
  if (mask === 'id') return `cadre_mask_id(${row}.${column})`;
  if (mask === 'phone') return `cadre_mask_phone(${row}.${column})`;
  return `${row}.${column}`;
};

const json = (row: 'OLD' | 'NEW', spec: AuditedTable) =>
  `json_object(${spec.columns.map((column) => `'${column}', ${valueOf(row, column, spec.masked)}`).join(', ')})`;

const insertLog = (action: string, spec: AuditedTable, keyRow: 'OLD' | 'NEW', before: string, after: string) => `
    INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, before, after, channel)
    VALUES (cadre_now(), cadre_actor(), '${action}', '${spec.table}', ${keyRow}.${spec.key}, '', ${before}, ${after}, cadre_channel());`;

export const auditTriggersSql = (spec: AuditedTable): string => `
  CREATE TRIGGER ${spec.table}_audit_insert AFTER INSERT ON ${spec.table}
  BEGIN${insertLog('create', spec, 'NEW', 'NULL', json('NEW', spec))}
  END;

  CREATE TRIGGER ${spec.table}_audit_update AFTER UPDATE ON ${spec.table}
  WHEN ${json('OLD', spec)} IS NOT ${json('NEW', spec)}
  BEGIN${insertLog('update', spec, 'NEW', json('OLD', spec), json('NEW', spec))}
  END;

  CREATE TRIGGER ${spec.table}_audit_delete AFTER DELETE ON ${spec.table}
  BEGIN${insertLog('delete', spec, 'OLD', json('OLD', spec), 'NULL')}
  END;
`;
