import type { Db } from '../electron/core/db/connection';

// 51 classes over the same 40 days (from 2026-03-02), 300 sessions each, 120 teachers and 60 places
// shared between them. Class 1 is the one measured.
export const seedSchedules = (db: Db) => {
  const staff = db.prepare(`INSERT INTO staff (name, created_at, updated_at) VALUES (?, 't', 't')`);
  db.transaction(() => {
    for (let i = 0; i < 120; i += 1) staff.run(`教师${i}`);
  })();
  const insertClass = db.prepare(
    `INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
     VALUES (?, ?, '主体班', 2026, '2026-03-02', '2026-04-10', 'planning', 't', 't')`,
  );
  const session = db.prepare(
    `INSERT INTO sessions (class_id, date, start_time, end_time, title, place, groups, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 't', 't')`,
  );
  const teacher = db.prepare('INSERT INTO session_teachers (session_id, staff_id) VALUES (?, ?)');
  const slots = [
    ['08:30', '10:00'],
    ['10:15', '11:45'],
    ['14:00', '15:30'],
    ['15:45', '17:15'],
    ['19:00', '20:30'],
    ['20:40', '21:30'],
    ['13:00', '13:50'],
    ['17:30', '18:20'],
  ] as const;
  db.transaction(() => {
    for (let c = 1; c <= 51; c += 1) {
      insertClass.run(`2026-${String(c).padStart(3, '0')}`, `2026年第${c}期培训班`);
      for (let i = 0; i < 300; i += 1) {
        const day = Math.floor(i / 8) % 40;
        const [start, end] = slots[i % 8] ?? slots[0];
        const date = new Date(Date.UTC(2026, 2, 2 + day)).toISOString().slice(0, 10);
        const { lastInsertRowid } = session.run(
          c,
          date,
          start,
          end,
          `第${i + 1}讲`,
          `教室${(c * 7 + i) % 60}`,
          JSON.stringify(i % 3 === 0 ? [1] : []),
        );
        // Now and then a teacher of class 1 is booked by class 2 at the same hour: real clashes to find.
        const clash = c === 2 && i % 25 === 0;
        teacher.run(lastInsertRowid, (((clash ? 1 : c) * 13 + i * 7) % 120) + 1);
      }
    }
  })();
};
