// Every change to a table is written to audit_log by SQLite itself, inside the same transaction: no
// code path — service, import, a later feature — can change data without leaving a trace. Who is
// writing, when and through which call come from three functions the connection registers
// (connection.ts); they hand back what the write transaction set, so that the ten thousand rows of an
// import cost three trivial calls each. Masking is plain SQL, with no call at all.

export type AuditedTable = {
  table: string;
  key: string;
  columns: readonly string[];
  // Personal data stays masked in the log: the log is read by more people than the roster. A birth
  // date is masked (to its month) when the row's id_number is there to protect.
  masked?: Readonly<Record<string, 'id' | 'phone' | 'birth'>>;
};

// The masks of shared/idcard.ts (maskIdNumber, maskPhone), in SQL; audit-triggers.test.ts holds
// the two to the same answers.
export const maskIdSql = (value: string) =>
  `(CASE WHEN ${value} IS NULL OR ${value} = '' THEN ${value}
     WHEN length(${value}) >= 10 THEN substr(${value}, 1, 6) || substr('****************************************', 1, length(${value}) - 7) || substr(${value}, -1)
     ELSE substr('**********', 1, length(${value})) END)`;

export const maskBirthSql = (value: string, idNumber: string) =>
  `(CASE WHEN ${idNumber} IS NOT NULL AND ${idNumber} <> '' THEN substr(${value}, 1, 7) ELSE ${value} END)`;

export const maskPhoneSql = (value: string) =>
  `(CASE WHEN ${value} IS NULL OR ${value} = '' THEN ${value}
     WHEN length(trim(${value})) <= 4 THEN substr('****', 1, length(trim(${value})))
     WHEN trim(${value}) GLOB '1[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' THEN substr(trim(${value}), 1, 3) || '****' || substr(trim(${value}), -4)
     ELSE substr('****************************************', 1, length(trim(${value})) - 4) || substr(trim(${value}), -4) END)`;

const valueOf = (row: 'OLD' | 'NEW', column: string, masked: AuditedTable['masked']) => {
  const mask = masked?.[column];
  if (mask === 'id') return maskIdSql(`${row}.${column}`);
  if (mask === 'phone') return maskPhoneSql(`${row}.${column}`);
  if (mask === 'birth') return maskBirthSql(`${row}.${column}`, `${row}.id_number`);
  return `${row}.${column}`;
};

const json = (row: 'OLD' | 'NEW', spec: AuditedTable) =>
  `json_object(${spec.columns.map((column) => `'${column}', ${valueOf(row, column, spec.masked)}`).join(', ')})`;

const insertLog = (action: string, spec: AuditedTable, keyRow: 'OLD' | 'NEW', before: string, after: string) => `
    INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, before, after, channel)
    VALUES (cadre_at(), cadre_actor(), '${action}', '${spec.table}', ${keyRow}.${spec.key}, '', ${before}, ${after}, cadre_channel());`;

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
