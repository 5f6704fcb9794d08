// The database's file in a data folder (and in each backup of one): ASCII, easy to type in a terminal.
export const databaseFileName = 'cadre.sqlite3';
