import type { Db } from './db';
import { listenToStatements, noteStatement, statement } from './statements';

// Which tables a query read, found from what it ran: every statement goes through statement()
// (statements.ts), which tells the listeners of its connection the SQL text; the tables are the
// schema's table names that text mentions. A name in a string or a column that happens to be a
// table's only makes a screen reload once more than it had to.

// For what keeps table rows in memory between calls (the trainees' search index): the table it
// answered from, as if a statement had read it.
export const noteRead = (db: Db, table: string): void => noteStatement(db, table);

const tableNames = new WeakMap<Db, ReadonlySet<string>>();
const namesOf = (db: Db): ReadonlySet<string> => {
  let names = tableNames.get(db);
  if (!names) {
    names = new Set(statement<[], string>(db, "SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all());
    tableNames.set(db, names);
  }
  return names;
};

const words = new Map<string, readonly string[]>();
const wordsOf = (sql: string): readonly string[] => {
  let found = words.get(sql);
  if (!found) {
    found = [...new Set(sql.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [])];
    // Statements are few (each SQL text is written once in the code), but a text built per call
    // (an IN list of so many ?) must not grow this without end.
    if (words.size > 5000) words.clear();
    words.set(sql, found);
  }
  return found;
};

// Starts listening; `stop` ends it and gives the tables read meanwhile. Calls may overlap (a query
// waiting for a dialog while another runs): each hears the other's statements, which only adds.
export const listenForReads = (db: Db): { stop: () => ReadonlySet<string> } => {
  const listening = listenToStatements(db);
  return {
    stop: () => {
      const heard = listening.stop();
      const names = namesOf(db);
      const tables = new Set<string>();
      for (const sql of heard) for (const word of wordsOf(sql)) if (names.has(word)) tables.add(word);
      return tables;
    },
  };
};
