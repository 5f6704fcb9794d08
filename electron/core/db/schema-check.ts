import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { defaultAuditContext, registerAuditFunctions } from './audit-functions';
import type { Db } from './db';
import { migrate } from './migrate';
import { migrations as allMigrations, type Migration } from './migrations';
import { statement } from './statements';

// A database the app did not just create (the data folder's at each start, a chosen folder's, a
// backup's) is trusted only when its schema is exactly what the migrations produce for its version:
// a trigger, view or CHECK is code that runs inside every write and read, so a file carrying one of
// its own (copying each 身份证号 into 职务, deleting the export lines of the audit log) would act with
// the app's hands. Compared: every table, index, trigger and view with its SQL, as sqlite_schema
// holds them; not compared: rootpage (where the object lies in this file).

export type SchemaObject = { type: string; name: string; tbl_name: string; sql: string | null };

export type SchemaDifference = { change: 'extra' | 'missing' | 'changed'; type: string; name: string };

// The objects SQLite makes of its own accord, always with this SQL: the query planner's statistics
// (ANALYZE, and the `PRAGMA optimize` of every open and close) and AUTOINCREMENT's counters. They are
// left out by exact name, type and SQL, never by the `sqlite_` prefix: SQLite refuses to create an
// object so named, but reads one from a file without complaint, so a crafted `sqlite_x` trigger
// would fire like any other.
const sqliteOwn: ReadonlyMap<string, string> = new Map([
  ['sqlite_stat1', 'CREATE TABLE sqlite_stat1(tbl,idx,stat)'],
  ['sqlite_stat4', 'CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)'],
  ['sqlite_sequence', 'CREATE TABLE sqlite_sequence(name,seq)'],
]);

const isSqliteOwn = (object: SchemaObject) =>
  object.type === 'table' && object.tbl_name === object.name && sqliteOwn.get(object.name) === object.sql;

// Everything else is compared as SQLite wrote it, to the character. That includes the tables SQLite
// derives from our own statements: the `sqlite_autoindex_…` of each UNIQUE and PRIMARY KEY (named by
// the table's definition) and the shadow tables of the search index (report_index_data, _idx,
// _docsize, _config). The shadow tables' SQL is SQLite's own, not ours, yet exact comparison is
// robust: FTS5 writes it once, when the virtual table is created, from fixed templates chosen by the
// table's options (which are in our compared CREATE VIRTUAL TABLE); it never rewrites it, and a newer
// SQLite must go on reading shadow tables an older one made (its file-format promise), so it has no
// reason to make them differently for the same options. The expected schema is made by the very
// SQLite that reads the file (the bundled build of better-sqlite3). schema-check.test.ts pins the
// shadow tables' text, so that an upgrade which changed it would fail there, not refuse people's data.
// Compared loosely, a crafted shadow table (a DEFAULT, a CHECK, a generated column of its own) would
// pass.
export const readSchema = (db: Db): SchemaObject[] =>
  statement<[], SchemaObject>(db, 'SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name')
    .all()
    .filter((object) => !isSqliteOwn(object));

// The schema migrations 1..version produce, made once per version (and per list of migrations: the
// connection's tests bring their own) on a database in memory, by the same climb as the data folder's
// (migrate.ts), with the audit functions registered: the data steps of some migrations write rows that
// fire triggers. Some tens of milliseconds, once per process.
const made = new WeakMap<readonly Migration[], Map<number, readonly SchemaObject[]>>();

export const expectedSchema = (
  migrations: readonly Migration[],
  version: number,
  nativeBinding: string | undefined,
): readonly SchemaObject[] => {
  let byVersion = made.get(migrations);
  if (!byVersion) {
    byVersion = new Map();
    made.set(migrations, byVersion);
  }
  const known = byVersion.get(version);
  if (known) return known;
  const db = new Database(':memory:', { nativeBinding });
  try {
    registerAuditFunctions(db, defaultAuditContext());
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, version);
    const schema = readSchema(db);
    byVersion.set(version, schema);
    return schema;
  } finally {
    db.close();
  }
};

const keyOf = (object: SchemaObject) => `${object.type}\u0000${object.name}`;

export const schemaDifferences = (found: readonly SchemaObject[], expected: readonly SchemaObject[]): SchemaDifference[] => {
  const wanted = new Map(expected.map((object) => [keyOf(object), object]));
  const seen = new Set<string>();
  const differences: SchemaDifference[] = [];
  for (const object of found) {
    const key = keyOf(object);
    const ours = wanted.get(key);
    // A second row of the same name (only a crafted file has one) counts as extra.
    if (!ours || seen.has(key)) differences.push({ change: 'extra', type: object.type, name: object.name });
    else if (ours.tbl_name !== object.tbl_name || ours.sql !== object.sql)
      differences.push({ change: 'changed', type: object.type, name: object.name });
    seen.add(key);
  }
  for (const object of expected)
    if (!seen.has(keyOf(object))) differences.push({ change: 'missing', type: object.type, name: object.name });
  return differences;
};

// For support: which objects differ (the first few, their names cut short), never their SQL — what a
// crafted file holds is not repeated to the screen or the log.
const shown = 5;
const shortName = (name: string) => (name.length > 64 ? `${name.slice(0, 64)}…` : name);

const objectTypes = ['table', 'index', 'trigger', 'view'] as const;
const isObjectType = (type: string): type is (typeof objectTypes)[number] => (objectTypes as readonly string[]).includes(type);

// The first three differences in words ("多出触发器“trainees_normalise”"), for the person and for
// whoever they call: what was added or taken away is named, what it does is not.
const describe = (differences: readonly SchemaDifference[]): string => {
  const named = differences.slice(0, 3).map((difference) =>
    message(`schema.${difference.change}`, {
      type: isObjectType(difference.type) ? message(`schema.types.${difference.type}`) : difference.type,
      name: shortName(difference.name),
    }),
  );
  const more = differences.length > 3 ? message('schema.more', { count: differences.length }) : '';
  return message('text.withNote', {
    text: message('errors.DATABASE_FOREIGN'),
    note: `${named.join(message('text.clauses'))}${more}`,
  });
};

export const foreignDatabase = (file: string, differences: readonly SchemaDifference[]) =>
  new AppError('DATABASE_FOREIGN', differences.length > 0 ? describe(differences) : message('errors.DATABASE_FOREIGN'), {
    file,
    differences: differences.slice(0, shown).map((difference) => ({ ...difference, name: shortName(difference.name) })),
    differenceCount: differences.length,
  });

// Refuses a database whose schema is not what the migrations make for the version it says it has
// (the caller has refused a version newer than the code). Run on a connection with trusted_schema
// OFF and none of the app's functions: reading sqlite_schema compiles the file's schema, and nothing
// of it may run as the app before it is known to be ours.
export const checkSchema = (
  db: Db,
  file: string,
  version: number,
  options: { migrations?: readonly Migration[]; nativeBinding: string | undefined },
): void => {
  const expected = expectedSchema(options.migrations ?? allMigrations, version, options.nativeBinding);
  const differences = schemaDifferences(readSchema(db), expected);
  if (differences.length > 0) throw foreignDatabase(file, differences);
};
