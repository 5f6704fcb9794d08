// The audit triggers as migrations 3 to 5 made them, kept as they were (migrations are append-only):
// who, when and through which call came from functions the connection registers. Migration 7
// replaces them with ../audit-triggers.ts.

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
