import { certificateNumber } from '../../../shared/lifecycle/certificate-number';
import type { CertificateCandidates, CertificateReason } from '../../../shared/lifecycle/schemas';
import { chineseDate } from '../../../shared/dates';
import { message } from '../../../shared/i18n/translate';
import { minutesOf } from '../../../shared/schedule/schemas';
import { compareStroke } from '../../../shared/text/collation';
import { refuseField } from '../../../shared/validation';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { escapeHtml } from '../documents/html-writer';
import { participantsOf } from '../lodging/plan';
import { listSessions } from '../schedule/rows';
import { getSettings } from '../settings/service';

// 结业证书 certify that a trainee completed the class: before any is written the core says who has
// not met the requirements, and why, and the person chooses who gets one (issue 21: all 38 were
// certified "成绩合格" while 28 reports were missing and no attendance had been taken).
//
// Requirements, each from the records themselves:
//   - a research report handed in, when the class asks for reports (it has topics, a deadline or
//     reports at all), and not every one of the trainee's reports reviewed 不合格;
//   - no unexcused absence (缺勤), and the share of the class's hours attended (absences and leave
//     deducted) at least the settings' requirement — when attendance was taken at all;
//   - present at the class's 四同 stays.
// What cannot be checked for the whole class (no attendance taken) is a warning, not a reason.
//
// 证书编号 are kept once given (certificate_numbers): when the class is marked 已结业 or its
// certificates are first exported, everyone on the roster — chosen or not — is numbered in the
// roster's order (姓氏笔画, as the roster prints it), so a certificate produced again, or for someone
// left out the first time, carries the same number. Someone added later takes the next number; a
// withdrawn trainee's is not given to anyone else. Until then the numbers shown are the ones that
// would be given.

type Person = { enrolment_id: number; trainee_id: number; name: string; unit: string };

const rosterOf = (core: Core, classId: number): Person[] =>
  statement<[number], Person>(
    core.db,
    `SELECT e.id AS enrolment_id, t.id AS trainee_id, t.name, t.unit FROM enrolments e JOIN trainees t ON t.id = e.trainee_id
      WHERE e.class_id = ? AND e.status <> 'withdrawn'`,
  )
    .all(classId)
    .sort((a, b) => compareStroke(a.name, b.name) || a.enrolment_id - b.enrolment_id);

const storedNumbers = (core: Core, classId: number): Map<number, number> =>
  new Map(
    statement<[number], { enrolment_id: number; seq: number }>(
      core.db,
      'SELECT enrolment_id, seq FROM certificate_numbers WHERE class_id = ?',
    )
      .all(classId)
      .map((row) => [row.enrolment_id, row.seq]),
  );

// Each person's number: the one kept, or the next after the class's highest, in the roster's order.
const numbersOf = (kept: ReadonlyMap<number, number>, people: readonly Person[]): Map<number, number> => {
  const numbers = new Map(kept);
  let next = 1;
  for (const seq of kept.values()) next = Math.max(next, seq + 1);
  for (const person of people) if (!numbers.has(person.enrolment_id)) numbers.set(person.enrolment_id, next++);
  return numbers;
};

// Keeps the numbers of everyone on the roster who has none yet (the class's other data untouched).
export const keepCertificateNumbers = (core: Core, classId: number): void => {
  const people = rosterOf(core, classId);
  const kept = storedNumbers(core, classId);
  const numbers = numbersOf(kept, people);
  const insert = statement(core.db, 'INSERT INTO certificate_numbers (enrolment_id, class_id, seq) VALUES (?, ?, ?)');
  for (const person of people)
    if (!kept.has(person.enrolment_id)) insert.run(person.enrolment_id, classId, numbers.get(person.enrolment_id) ?? 0);
};

const countOf = (core: Core, sql: string, classId: number) =>
  statement<[number], { n: number }>(core.db, sql).get(classId)?.n ?? 0;

const round1 = (value: number) => Math.round(value * 10) / 10;

export const certificateCandidates = (core: Core, classId: number): CertificateCandidates => {
  const c = getClass(core, classId);
  const settings = getSettings(core);
  const people = rosterOf(core, classId);
  const numbers = numbersOf(storedNumbers(core, classId), people);
  const warnings: string[] = [];

  // Attendance: the hours of each session; each trainee's absences and the hours they missed.
  const sessions = listSessions(core, classId);
  const hoursOf = new Map(sessions.map((s) => [s.id, (minutesOf(s.end) - minutesOf(s.start)) / 60]));
  const totalHours = [...hoursOf.values()].reduce((a, b) => a + b, 0);
  const marks = statement<[number], { enrolment_id: number; session_id: number; status: string }>(
    core.db,
    `SELECT a.enrolment_id, a.session_id, a.status FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.class_id = ?`,
  ).all(classId);
  const taken = new Set(marks.map((mark) => mark.session_id));
  const absences = new Map<number, number>();
  const missed = new Map<number, number>();
  for (const mark of marks) {
    if (mark.status === 'absent') absences.set(mark.enrolment_id, (absences.get(mark.enrolment_id) ?? 0) + 1);
    if (mark.status === 'absent' || mark.status === 'leave')
      missed.set(mark.enrolment_id, (missed.get(mark.enrolment_id) ?? 0) + (hoursOf.get(mark.session_id) ?? 0));
  }
  const attendanceTaken = taken.size > 0;
  if (sessions.length === 0) warnings.push(message('closing.certificate.warnings.noSessions'));
  else if (!attendanceTaken) warnings.push(message('closing.certificate.warnings.noAttendance'));
  else if (taken.size < sessions.length)
    warnings.push(message('closing.certificate.warnings.partialAttendance', { count: sessions.length - taken.size }));

  // Reports: asked for when the class has topics or a deadline, or reports came in anyway.
  const reportsAsked =
    countOf(core, 'SELECT count(*) AS n FROM report_topics WHERE class_id = ?', classId) > 0 ||
    countOf(core, 'SELECT count(*) AS n FROM report_deadlines WHERE class_id = ?', classId) > 0 ||
    countOf(
      core,
      'SELECT count(*) AS n FROM reports r WHERE r.class_id = ? AND EXISTS (SELECT 1 FROM report_versions v WHERE v.report_id = r.id)',
      classId,
    ) > 0;
  if (!reportsAsked) warnings.push(message('closing.certificate.warnings.noReports'));
  const unreviewed = countOf(
    core,
    `SELECT count(*) AS n FROM reports r WHERE r.class_id = ? AND EXISTS (SELECT 1 FROM report_versions v WHERE v.report_id = r.id)
       AND NOT EXISTS (SELECT 1 FROM report_reviews w WHERE w.report_id = r.id)`,
    classId,
  );
  if (reportsAsked && unreviewed > 0) warnings.push(message('closing.certificate.warnings.unreviewed', { count: unreviewed }));
  // Each trainee's handed-in reports, with their grade (null: not reviewed yet).
  const grades = new Map<number, (string | null)[]>();
  for (const row of statement<[number], { enrolment_id: number; grade: string | null }>(
    core.db,
    `SELECT a.enrolment_id, w.grade FROM report_authors a JOIN reports r ON r.id = a.report_id
       LEFT JOIN report_reviews w ON w.report_id = r.id
      WHERE r.class_id = ? AND a.enrolment_id IS NOT NULL AND EXISTS (SELECT 1 FROM report_versions v WHERE v.report_id = r.id)`,
  ).all(classId))
    grades.set(row.enrolment_id, [...(grades.get(row.enrolment_id) ?? []), row.grade]);

  // 四同: those marked absent from a stay.
  const awayFromStays = new Set(
    statement<[number], { id: number }>(core.db, 'SELECT id FROM stays WHERE class_id = ?')
      .all(classId)
      .flatMap((stay) => participantsOf(core, stay.id))
      .filter((person) => person.participation === 'absent')
      .map((person) => person.enrolmentId),
  );

  const min = settings.certificateMinAttendance;
  return {
    warnings,
    people: people.map((person) => {
      const reasons: { reason: CertificateReason; text: string }[] = [];
      const add = (reason: CertificateReason, params: Record<string, number> = {}) =>
        reasons.push({ reason, text: message(`closing.certificate.reasons.${reason}`, params) });
      const own = grades.get(person.enrolment_id) ?? [];
      if (reportsAsked && own.length === 0) add('noReport');
      else if (own.length > 0 && own.every((grade) => grade === 'fail')) add('reportFailed');
      if (attendanceTaken) {
        const absent = absences.get(person.enrolment_id) ?? 0;
        if (absent > 0) add('absent', { count: absent });
        const rate = totalHours === 0 ? 100 : round1(((totalHours - (missed.get(person.enrolment_id) ?? 0)) / totalHours) * 100);
        if (rate < min) add('attendance', { rate, min });
      }
      if (awayFromStays.has(person.enrolment_id)) add('fourTogethers');
      return {
        traineeId: person.trainee_id,
        name: person.name,
        unit: person.unit,
        number: certificateNumber(settings.certificateNumberFormat, {
          year: c.year,
          classCode: c.code,
          seq: numbers.get(person.enrolment_id) ?? 0,
        }),
        met: reasons.length === 0,
        reasons,
      };
    }),
  };
};

// One person's line, as the dialog and the command line show it: "朴成浩：未提交调研报告；缺勤 2 次".
export const reasonLine = (person: CertificateCandidates['people'][number]): string =>
  message('closing.certificate.person', {
    name: person.name,
    reasons: person.reasons.map((r) => r.text).join(message('text.clauses')),
  });

// The trainees chosen, held to the class's roster: refused whole, naming who is wrong, before any
// file is touched.
export const chosenCandidates = (core: Core, classId: number, traineeIds: readonly number[]) => {
  const candidates = certificateCandidates(core, classId);
  const field = 'traineeIds';
  if (traineeIds.length === 0) throw refuseField(field, message('closing.certificate.chosen.none'), 'required');
  const byId = new Map(candidates.people.map((person) => [person.traineeId, person]));
  const seen = new Set<number>();
  for (const id of traineeIds) {
    const person = byId.get(id);
    if (person === undefined) {
      const name = statement<[number], string>(core.db, 'SELECT name FROM trainees WHERE id = ?').pluck().get(id);
      throw refuseField(
        field,
        name === undefined
          ? message('closing.certificate.chosen.unknown', { id })
          : message('closing.certificate.chosen.notInClass', { name }),
      );
    }
    if (seen.has(id)) throw refuseField(field, message('closing.certificate.chosen.twice', { name: person.name }));
    seen.add(id);
  }
  return {
    chosen: candidates.people.filter((person) => seen.has(person.traineeId)),
    leftOut: candidates.people.filter((person) => !seen.has(person.traineeId)),
  };
};

export const certificatesPdf = async (
  core: Core,
  classId: number,
  traineeIds: readonly number[],
): Promise<{ bytes: Uint8Array; people: number; leftOut: string[] }> => {
  const c = getClass(core, classId);
  const school = getSettings(core).schoolName;
  const { chosen, leftOut } = chosenCandidates(core, classId, traineeIds);
  const pages = chosen
    .map(
      (p) => `<section>
  <h1>${escapeHtml(message('closing.certificate.title'))}</h1>
  <p class="text">${escapeHtml(message('closing.certificate.text', { name: p.name, from: chineseDate(c.startDate), to: chineseDate(c.endDate), className: c.name }))}</p>
  <p class="number">${escapeHtml(message('closing.certificate.number', { number: p.number }))}</p>
  <p class="school">${escapeHtml(school)}</p>
  <p class="date">${escapeHtml(chineseDate(c.endDate))}</p>
</section>`,
    )
    .join('\n');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
  @page { size: A4 landscape; margin: 0; }
  body { margin: 0; font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei", serif; }
  section { box-sizing: border-box; width: 297mm; height: 210mm; padding: 30mm 36mm; border: 6mm double #b22222; break-after: page; position: relative; }
  section:last-child { break-after: auto; }
  h1 { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: #b22222; text-align: center; font-size: 40pt; letter-spacing: 12pt; margin: 0 0 18mm; }
  .text { font-size: 20pt; line-height: 2; text-indent: 2em; margin: 0; }
  .school, .date, .number { position: absolute; font-size: 18pt; margin: 0; }
  .school, .date { right: 40mm; }
  .school { bottom: 45mm; } .date { bottom: 32mm; }
  .number { left: 36mm; bottom: 32mm; font-size: 12pt; }
</style></head><body>${pages}</body></html>`;
  return {
    bytes: await core.platform.printToPdf(html, { landscape: true }),
    people: chosen.length,
    leftOut: leftOut.map((person) => person.name),
  };
};
