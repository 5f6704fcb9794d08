import type { Migration } from './types';

export const sessionRowsMigration: Migration = {
  version: 6,
  name: 'a session as the screens and documents read it',
  up: (db) => {
    db.exec(`
      -- A session with its class's name and its teachers (in the order they were given, as JSON): the
      -- one projection every reader of sessions uses, kept in the database rather than passed around.
      CREATE VIEW session_rows AS
        SELECT s.*, c.name AS class_name,
          (SELECT json_group_array(json_object('id', t.id, 'name', t.name))
             FROM (SELECT t.id, t.name FROM session_teachers st JOIN staff t ON t.id = st.staff_id
                   WHERE st.session_id = s.id ORDER BY st.rowid) t) AS teachers
        FROM sessions s JOIN classes c ON c.id = s.class_id;
    `);
  },
};
