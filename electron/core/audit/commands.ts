import type { Core } from '../context';
import { statement } from '../db/statements';
import { getSettings } from '../settings/service';

// The last line of the log before a write transaction starts: what the transaction writes comes after it.
export const lastLogLine = (core: Core): number =>
  statement<[], number>(core.db, 'SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() ?? 0;

// At the end of a write transaction, still inside it: the lines it wrote are one command (migration
// 16), kept with the door it came through and the name of the person the settings give. Lines a
// transaction brought along with their own commands (a restore carries the history of the database it
// replaces) are not taken in again.
export const closeCommand = (core: Core, before: number): void => {
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
    getSettings(core).operatorName,
  );
};
