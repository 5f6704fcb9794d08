import { z } from 'zod';
import { todayIso } from '../../../shared/dates';
import { roomKinds } from '../../../shared/vocab/schemas';
import { checkinFigures, classesCheckingIn } from '../checkin/service';
import { satisfiedRate } from '../../../shared/surveys/rate';
import type { Overview } from '../../../shared/workbench/schemas';
import type { Core } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';
import { labourHoursOf, participantsOf } from '../lodging/plan';
import { unitAlone } from '../roster/unit-position';
import { classConflicts } from '../schedule/conflicts';

// The workbench's figures, computed from the records in a handful of grouped queries: a school's
// ten years (500 classes, 25,000 trainees) must answer while the first screen opens.

const parseScores = jsonColumn(z.array(z.number().int().nullable()), []);
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const dayCount = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

// The ten units that sent most people, each counted as a unit alone: a unit stored with the post
// after it (a 工作单位及职务 imported whole) counts with its unit, as the training summary counts it.
// The chart names the ten units that sent the most people.
const chartUnits = 10;
const byUnit = (rows: readonly { name: string; value: number }[]): { name: string; value: number }[] => {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const unit = unitAlone(row.name);
    counts.set(unit, (counts.get(unit) ?? 0) + row.value);
  }
  return [...counts]
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, chartUnits);
};

type ClassRow = { id: number; name: string; status: string; start_date: string; end_date: string; trainees: number };

const traineeCount = `(SELECT count(*) FROM enrolments e WHERE e.class_id = c.id AND e.status <> 'withdrawn')`;

// A year's classes in the order they were held, each with its trainees (those not withdrawn).
export const classesOfYear = (core: Core, year: number) =>
  statement<[number], ClassRow & { code: string }>(
    core.db,
    `SELECT c.id, c.code, c.name, c.status, c.start_date, c.end_date, ${traineeCount} AS trainees
       FROM classes c WHERE c.year = ? ORDER BY c.start_date, c.id`,
  ).all(year);

// Unresolved conflicts of the schedules still to be held (only those can still be put right). Each
// class's check weighs its sessions against every other class's, so the workbench asks for these on
// their own, after its first screen is drawn.
export const workbenchConflicts = (core: Core, input: { today?: string | undefined }): Overview['todo'] => {
  const today = input.today ?? todayIso(core.now());
  return statement<[string], { id: number; name: string }>(
    core.db,
    `SELECT id, name FROM classes WHERE status IN ('planning', 'in_progress') AND end_date >= ? ORDER BY start_date, id`,
  )
    .all(today)
    .flatMap((c) => {
      const count = classConflicts(core, c.id).filter((x) => x.severity === 'error' && x.accepted === null).length;
      return count > 0 ? [{ kind: 'conflicts' as const, classId: c.id, className: c.name, count }] : [];
    });
};

export const workbenchOverview = (core: Core, input: { year?: number | undefined; today?: string | undefined }): Overview => {
  const today = input.today ?? todayIso(core.now());
  const years = statement<[], { year: number }>(core.db, 'SELECT DISTINCT year FROM classes ORDER BY year DESC')
    .all()
    .map((row) => row.year);
  // This year; while it has no class yet (a new year's first days, or a school's sample data), the
  // latest year that has.
  const thisYear = Number(today.slice(0, 4));
  const year = input.year ?? (years.includes(thisYear) ? thisYear : (years[0] ?? thisYear));

  // Under way, and coming (the nearest first).
  const current = statement<[{ today: string }], ClassRow>(
    core.db,
    `SELECT c.id, c.name, c.status, c.start_date, c.end_date, ${traineeCount} AS trainees FROM classes c
      WHERE c.status = 'in_progress' OR (c.status = 'planning' AND c.end_date >= @today)
      ORDER BY c.start_date, c.id`,
  ).all({ today });
  const classes = current.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    startDate: row.start_date,
    endDate: row.end_date,
    daysToStart: Math.max(0, dayCount(today, row.start_date)),
    trainees: row.trainees,
  }));
  // The classes at their first day, or under way with check-ins already taken (late arrivals keep coming).
  const checkingIn = classesCheckingIn(core);
  const checkins = current
    .filter((row) => row.start_date === today || (checkingIn.has(row.id) && row.start_date <= today && today <= row.end_date))
    .map((row) => {
      const figures = checkinFigures(core, row.id);
      return {
        classId: row.id,
        className: row.name,
        arrived: figures.arrived + figures.late,
        expected: figures.expected,
        rate: figures.rate,
      };
    });
  const todaySessions = statement<[string], Overview['today'][number]>(
    core.db,
    `SELECT s.id AS sessionId, s.class_id AS classId, c.name AS className, s.start_time AS start, s.end_time AS end, s.title,
            coalesce(p.name, s.place) AS place
       FROM sessions s JOIN classes c ON c.id = s.class_id LEFT JOIN sites p ON p.id = s.site_id
      WHERE s.date = ? ORDER BY s.start_time, c.id`,
  ).all(today);

  // What needs doing, for the classes of this year on that are not archived: each kind counted for
  // all of them in one grouped query (ten years hold hundreds of classes).
  const names = new Map(
    statement<[number], { id: number; name: string; status: string }>(
      core.db,
      `SELECT id, name, status FROM classes WHERE status <> 'archived' AND year >= ? ORDER BY start_date, id`,
    )
      .all(year)
      .map((row) => [row.id, row]),
  );
  const counted = (sql: string) =>
    new Map(
      statement<[{ year: number; today: string }], { class_id: number; n: number }>(core.db, sql)
        .all({ year, today })
        .map((row) => [row.class_id, row.n]),
    );
  const open = `JOIN classes c ON c.id = e.class_id WHERE c.status <> 'archived' AND c.year >= @year AND e.status <> 'withdrawn'`;
  const missingIds = counted(
    `SELECT e.class_id, count(*) AS n FROM enrolments e JOIN trainees t ON t.id = e.trainee_id ${open} AND t.id_number IS NULL GROUP BY e.class_id`,
  );
  const reportsMissing = counted(
    `SELECT e.class_id, count(*) AS n FROM enrolments e ${open} AND c.end_date < @today
        AND e.id NOT IN (SELECT a.enrolment_id FROM report_authors a JOIN report_versions v ON v.report_id = a.report_id
                          WHERE a.enrolment_id IS NOT NULL)
      GROUP BY e.class_id`,
  );
  // A class with nobody on its roster has no one to ask: no survey is missing there.
  const surveysMissing = counted(
    `SELECT c.id AS class_id, 1 AS n FROM classes c WHERE c.status <> 'archived' AND c.year >= @year AND c.end_date < @today
        AND EXISTS (SELECT 1 FROM enrolments e WHERE e.class_id = c.id AND e.status <> 'withdrawn')
        AND NOT EXISTS (SELECT 1 FROM surveys s JOIN survey_responses r ON r.survey_id = s.id WHERE s.class_id = c.id)`,
  );
  // Households that host people of a stay still to come (or under way) and have not said yes. A
  // dormitory's or hotel's rooms are the school's or booked with the hotel: no one to phone, room by room.
  const householdsUnconfirmed = counted(
    `SELECT s.class_id, count(DISTINCT p.household_id) AS n FROM placements p JOIN stays s ON s.id = p.stay_id
       JOIN classes c ON c.id = s.class_id JOIN sites site ON site.id = s.site_id
      WHERE c.status <> 'archived' AND c.year >= @year AND s.depart >= @today
        AND site.kind NOT IN (SELECT value FROM json_each('${JSON.stringify(roomKinds)}'))
        AND NOT EXISTS (SELECT 1 FROM stay_confirmations k WHERE k.stay_id = p.stay_id AND k.household_id = p.household_id)
      GROUP BY s.class_id`,
  );
  const todo: Overview['todo'] = [];
  for (const [id, c] of names) {
    const push = (kind: Overview['todo'][number]['kind'], n: number | undefined) => {
      if (n !== undefined && n > 0) todo.push({ kind, classId: id, className: c.name, count: n });
    };
    push('missingIds', missingIds.get(id));
    push('householdsUnconfirmed', householdsUnconfirmed.get(id));
    push('reportsMissing', reportsMissing.get(id));
    push('surveysMissing', surveysMissing.get(id));
  }

  // The year in figures.
  const ofYear = classesOfYear(core, year);
  const get = <T>(sql: string) => statement<[number], T>(core.db, sql).get(year);
  const all = <T>(sql: string) => statement<[number], T>(core.db, sql).all(year);
  const people =
    get<{ n: number }>(
      `SELECT count(DISTINCT e.trainee_id) AS n FROM enrolments e JOIN classes c ON c.id = e.class_id WHERE c.year = ? AND e.status <> 'withdrawn'`,
    )?.n ?? 0;
  const visits =
    get<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT DISTINCT s.class_id, s.date, s.site_id FROM sessions s JOIN classes c ON c.id = s.class_id
      WHERE c.year = ? AND s.site_id IS NOT NULL)`,
    )?.n ?? 0;
  const stays = all<{ id: number }>('SELECT s.id FROM stays s JOIN classes c ON c.id = s.class_id WHERE c.year = ?');
  const labourHours = stays
    .flatMap((stay) => participantsOf(core, stay.id))
    .reduce((sum, person) => sum + labourHoursOf(person), 0);
  const reports = get<{ reports: number; excellent: number }>(
    `SELECT count(*) AS reports, coalesce(sum(w.grade = 'excellent'), 0) AS excellent FROM reports r JOIN classes c ON c.id = r.class_id
       LEFT JOIN report_reviews w ON w.report_id = r.id
      WHERE c.year = ? AND EXISTS (SELECT 1 FROM report_versions v WHERE v.report_id = r.id)`,
  ) ?? { reports: 0, excellent: 0 };
  const responses = all<{ class_id: number; scores: string }>(
    'SELECT s.class_id, r.scores FROM survey_responses r JOIN surveys s ON s.id = r.survey_id JOIN classes c ON c.id = s.class_id WHERE c.year = ?',
  );
  const tally = (rows: readonly { scores: string }[]) => satisfiedRate(rows.flatMap((row) => parseScores(row.scores)));
  const byMonth = Array.from({ length: 12 }, () => 0);
  for (const c of ofYear)
    byMonth[Number(c.start_date.slice(5, 7)) - 1] = (byMonth[Number(c.start_date.slice(5, 7)) - 1] ?? 0) + c.trainees;
  return {
    year,
    years: years.includes(year) ? years : [year, ...years].sort((a, b) => b - a),
    classes,
    today: todaySessions,
    checkins,
    todo,
    figures: {
      classes: ofYear.length,
      trainees: ofYear.reduce((sum, c) => sum + c.trainees, 0),
      people,
      trainingDays: ofYear.reduce((sum, c) => sum + dayCount(c.start_date, c.end_date) + 1, 0),
      visits,
      labourHours: round(labourHours, 1),
      reports: reports.reports,
      excellent: reports.excellent,
      responses: responses.length,
      satisfiedRate: tally(responses),
    },
    charts: {
      traineesByUnit: byUnit(
        all<{ name: string; value: number }>(
          `SELECT t.unit AS name, count(*) AS value FROM enrolments e JOIN trainees t ON t.id = e.trainee_id JOIN classes c ON c.id = e.class_id
            WHERE c.year = ? AND e.status <> 'withdrawn' AND t.unit <> '' GROUP BY t.unit`,
        ),
      ),
      traineesByMonth: byMonth,
      hoursByModule: all<{ name: string; value: number }>(
        `SELECT s.module AS name,
                round(sum((CAST(substr(s.end_time, 1, 2) AS INTEGER) * 60 + CAST(substr(s.end_time, 4, 2) AS INTEGER)
                         - CAST(substr(s.start_time, 1, 2) AS INTEGER) * 60 - CAST(substr(s.start_time, 4, 2) AS INTEGER)) / 60.0), 1) AS value
           FROM sessions s JOIN classes c ON c.id = s.class_id WHERE c.year = ? AND s.module <> '' GROUP BY s.module ORDER BY value DESC`,
      ),
      satisfactionByClass: ofYear.flatMap((c) => {
        const rate = tally(responses.filter((row) => row.class_id === c.id));
        return rate === null ? [] : [{ name: c.name, value: rate }];
      }),
    },
  };
};
