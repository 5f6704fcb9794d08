import type Database from 'better-sqlite3';

// One open database connection. Its own module, so that migrations and the connection code can both
// name it without importing each other.
export type Db = Database.Database;
