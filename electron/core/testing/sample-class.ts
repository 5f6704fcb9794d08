import { value } from './expect-result';
import type { TempCore } from './temp-core';

// The sample's 年轻干部 class with its schedule and team but none of its own records (roster, stay,
// attendance, reports, surveys): the two weeks of sessions many tests build their own class on, as
// the sample held it before it came with records. The records go as deleting the class's trainees
// would take them, and the trainees who were only in it go too (the report files stay stored).
export const bareSampleClass = async (t: TempCore): Promise<number> => {
  const found = value(await t.router.call('classes.list', { search: '年轻' })).items[0];
  if (!found) throw new Error('no sample class');
  const db = t.core.db;
  const classId = found.id;
  db.transaction(() => {
    db.prepare('DELETE FROM report_index WHERE rowid IN (SELECT id FROM reports WHERE class_id = ?)').run(classId);
    for (const table of ['reports', 'report_topics', 'report_deadlines', 'surveys', 'stays', 'enrolments'])
      db.prepare(`DELETE FROM ${table} WHERE class_id = ?`).run(classId);
    db.prepare('DELETE FROM trainees WHERE id NOT IN (SELECT trainee_id FROM enrolments)').run();
  })();
  return classId;
};
