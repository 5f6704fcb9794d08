import type { Migration } from './types';

// One command (an upload of ten reports, a roster import) writes many lines to the log: every row it
// touched, and the sentence that says what was done. The log is read a command at a time: a command
// is the run of lines one write transaction wrote (ids first..last_id: the transaction holds the
// write lock, so nothing else writes between them), where it came from (the window or the command
// line) and the name of the person at the workstation as the settings gave it then.
//
// The lines already in the log were written before commands were kept: a run of lines with the same
// moment, channel and account is one transaction (each transaction has one moment), and is kept as
// one command whose door and operator are unknown ('').
export const auditCommandsMigration: Migration = {
  version: 16,
  name: 'audit log lines grouped by the command that wrote them',
  up: (db) => {
    db.exec(`
      CREATE TABLE audit_commands (
        id       INTEGER PRIMARY KEY,
        last_id  INTEGER NOT NULL CHECK (last_id >= id),
        door     TEXT NOT NULL CHECK (door IN ('', 'app', 'cli')),
        operator TEXT NOT NULL DEFAULT ''
      ) STRICT;

      INSERT INTO audit_commands (id, last_id, door, operator)
        WITH marked AS (
          SELECT id, CASE WHEN lag(at) OVER w IS at AND lag(channel) OVER w IS channel AND lag(actor) OVER w IS actor
                          AND lag(id) OVER w = id - 1 AND channel <> '' THEN 0 ELSE 1 END AS starts
          FROM audit_log WINDOW w AS (ORDER BY id)
        ),
        runs AS (SELECT id, sum(starts) OVER (ORDER BY id) AS run FROM marked)
        SELECT min(id), max(id), '', '' FROM runs GROUP BY run HAVING count(*) > 1;

      CREATE TRIGGER audit_commands_no_update BEFORE UPDATE ON audit_commands
      BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;

      CREATE TRIGGER audit_commands_no_delete BEFORE DELETE ON audit_commands
      BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
      END;
    `);
  },
};
