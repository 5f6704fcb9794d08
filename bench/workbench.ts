// The workbench over ten years of a school's records: 500 classes, 25,000 trainees, 10,000 sessions,
// 5,000 reports, 50,000 survey responses — seeded straight into the tables (the figures are what is
// timed, not the seeding) — and the training summary of a 60-trainee class.
import { mkdtempSync, rmSync } from 'node:fs';
import { figureKeys } from '../shared/workbench/schemas';
import { figureList } from '../electron/core/workbench/figure-lists';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { summaryDocx } from '../electron/core/lifecycle/documents';
import { openCore } from '../electron/core/open';
import { workbenchOverview } from '../electron/core/workbench/overview';

export type WorkbenchFigure = { what: string; ms: number; target?: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export const workbenchFigures = async (): Promise<WorkbenchFigure[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'cadre-bench-workbench-'));
  const { core, close } = openCore({ dataDir: dir });
  try {
    const db = core.db;
    const now = '2026-01-01T00:00:00.000Z';
    const units = Array.from({ length: 60 }, (_, i) => `单位${i + 1}`);
    const modules = [
      '政策法规及实践运用',
      '业务知识与操作实务',
      '工作推进方法与策略',
      '典型实践与实践典型',
      '工作对策与思路研究',
    ];
    db.transaction(() => {
      const addClass = db.prepare(
        `INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
         VALUES (?, ?, '主体班', ?, ?, ?, 'finished', ?, ?)`,
      );
      const addTrainee = db.prepare(`INSERT INTO trainees (name, sex, unit, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
      const enrol = db.prepare(
        `INSERT INTO enrolments (class_id, trainee_id, group_no, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
      );
      const addSession = db.prepare(
        `INSERT INTO sessions (class_id, date, start_time, end_time, title, module, format, place, created_at, updated_at)
         VALUES (?, ?, '08:30', '11:30', ?, ?, '专题讲座', '', ?, ?)`,
      );
      const addFile = db.prepare(
        `INSERT OR IGNORE INTO stored_files (sha256, size, name, created_at) VALUES (?, 1, 'r.docx', ?)`,
      );
      const addReport = db.prepare(`INSERT INTO reports (class_id, title, created_at, updated_at) VALUES (?, ?, ?, ?)`);
      const addVersion = db.prepare(
        `INSERT INTO report_versions (report_id, version, sha256, file_name, format, size, text_status, chars, submitted_at)
         VALUES (?, 1, ?, 'r.docx', 'docx', 1, 'text', 0, ?)`,
      );
      const review = db.prepare(`INSERT INTO report_reviews (report_id, grade, reviewed_on) VALUES (?, ?, '2019-01-01')`);
      const addSurvey = db.prepare(
        `INSERT INTO surveys (class_id, satisfaction, subject, subject_id, items, created_at) VALUES (?, 'organisation', 'class', NULL, '["a","b","c","d","e"]', ?)`,
      );
      const respond = db.prepare(`INSERT INTO survey_responses (survey_id, scores, comment, entered_at) VALUES (?, ?, '', ?)`);
      const sha = '0'.repeat(64);
      addFile.run(sha, now);
      let trainee = 0;
      for (let c = 0; c < 500; c += 1) {
        const year = 2016 + Math.floor(c / 50);
        const month = String((c % 12) + 1).padStart(2, '0');
        const classId = Number(
          addClass.run(
            `${year}-${String(c).padStart(3, '0')}`,
            `${year}年第${c + 1}期培训班`,
            year,
            `${year}-${month}-03`,
            `${year}-${month}-14`,
            now,
            now,
          ).lastInsertRowid,
        );
        for (let p = 0; p < 50; p += 1) {
          trainee += 1;
          const traineeId = Number(
            addTrainee.run(`学员${trainee}`, trainee % 3 === 0 ? 'female' : 'male', units[trainee % units.length] ?? '', now, now)
              .lastInsertRowid,
          );
          enrol.run(classId, traineeId, (p % 5) + 1, now, now);
        }
        for (let s = 0; s < 20; s += 1)
          addSession.run(
            classId,
            `${year}-${month}-${String(3 + (s % 10)).padStart(2, '0')}`,
            `课程${s}`,
            modules[s % 5] ?? '',
            now,
            now,
          );
        for (let r = 0; r < 10; r += 1) {
          const reportId = Number(addReport.run(classId, `调研报告${r}`, now, now).lastInsertRowid);
          addVersion.run(reportId, sha, now);
          review.run(reportId, r === 0 ? 'excellent' : 'good');
        }
        const surveyId = Number(addSurvey.run(classId, now).lastInsertRowid);
        for (let r = 0; r < 100; r += 1) respond.run(surveyId, JSON.stringify([5, 4, (r % 5) + 1, 4, 5]), now);
      }
    })();
    const times = Array.from({ length: 7 }, () => {
      const start = performance.now();
      workbenchOverview(core, { year: 2025, today: '2025-06-05' });
      return performance.now() - start;
    });
    // The list behind each figure of a year, as the drawer opens them one by one.
    const lists = Array.from({ length: 5 }, () => {
      const start = performance.now();
      for (const key of figureKeys) figureList(core, 2025, key);
      return performance.now() - start;
    });
    const summary = Array.from({ length: 5 }, () => 0);
    // A class of sixty: the first class given ten more trainees.
    db.transaction(() => {
      for (let p = 0; p < 10; p += 1) {
        const traineeId = Number(
          db
            .prepare(`INSERT INTO trainees (name, unit, created_at, updated_at) VALUES (?, '单位1', ?, ?)`)
            .run(`加${p}`, now, now).lastInsertRowid,
        );
        db.prepare(`INSERT INTO enrolments (class_id, trainee_id, created_at, updated_at) VALUES (1, ?, ?, ?)`).run(
          traineeId,
          now,
          now,
        );
      }
    })();
    for (let i = 0; i < summary.length; i += 1) {
      const start = performance.now();
      await summaryDocx(core, 1);
      summary[i] = performance.now() - start;
    }
    return [
      {
        what: 'workbench over ten years (500 classes, 25,000 trainees, 10,000 sessions, 5,000 reports, 50,000 responses)',
        ms: median(times),
        target: 200,
      },
      { what: 'the lists behind all eight figures of one of those years', ms: median(lists) },
      { what: 'training summary .docx of a 60-trainee class', ms: median(summary), target: 1000 },
    ];
  } finally {
    close();
    rmSync(dir, { recursive: true, force: true });
  }
};
