import { classTitle } from '../../../shared/classes/schemas';
import { message } from '../../../shared/i18n/translate';
import { slotOf } from '../../../shared/schedule/schemas';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import type { DocColumn } from '../documents/table-doc';
import { writeXlsx } from '../documents/xlsx-writer';
import { exportTarget, finishExport } from '../files/export';
import type { Job } from '../jobs/job';
import { listSessions } from '../schedule/rows';
import { getSettings } from '../settings/service';
import { attendanceSummary, attends, membersOf } from './service';
import { type ExportResult } from '../../../shared/files/schemas';
import { type AttendanceStatus } from '../../../shared/attendance/schemas';
import { statement } from '../db/statements';

const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '' : `${Math.round(rate * 1000) / 10}%`;

// One row per trainee, one column per session: √ 迟 假 缺, and the rate at the end.
export const exportAttendance = async (
  core: Core,
  input: { classId: number; grant: string },
  job: Job,
): Promise<ExportResult> => {
  const target = getClass(core, input.classId);
  const output = exportTarget(core, input.grant, 'xlsx');
  const sessions = listSessions(core, target.id);
  const members = membersOf(core, target.id).filter((m) => m.status !== 'withdrawn');
  const rates = new Map(attendanceSummary(core, target.id).trainees.map((t) => [t.enrolmentId, t.rate]));
  const taken = new Map<string, AttendanceStatus>();
  for (const row of statement<[number], { session_id: number; enrolment_id: number; status: AttendanceStatus }>(
    core.db,
    'SELECT a.session_id, a.enrolment_id, a.status FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.class_id = ?',
  ).all(target.id)) {
    taken.set(`${row.session_id}:${row.enrolment_id}`, row.status);
  }
  const columns: DocColumn[] = [
    { label: message('documents.attendance.columns.seq'), width: 3, align: 'center' },
    { label: message('documents.attendance.columns.name'), width: 5, align: 'center' },
    { label: message('documents.attendance.columns.group'), width: 3, align: 'center' },
    ...sessions.map((s) => ({
      label: `${Number(s.date.slice(5, 7))}/${Number(s.date.slice(8, 10))}${message(`documents.attendance.slots.${slotOf(s.start)}`)}`,
      width: 3,
      align: 'center' as const,
    })),
    { label: message('documents.attendance.columns.rate'), width: 4, align: 'center' },
  ];
  const rows = members.map((member, i) => [
    String(i + 1),
    member.name,
    member.group === null ? '' : String(member.group),
    ...sessions.map((s) => {
      if (!attends(s, member)) return message('documents.attendance.marks.away');
      const status = taken.get(`${s.id}:${member.enrolmentId}`);
      return status ? message(`documents.attendance.marks.${status}`) : '';
    }),
    percent(rates.get(member.enrolmentId)),
  ]);
  const title = message('attendance.titleSheet', { title: classTitle(target) });
  const bytes = await writeXlsx({
    title,
    subtitle: [getSettings(core).schoolName, message('documents.attendance.legend')].filter(Boolean).join(message('text.gap')),
    orientation: 'landscape',
    sections: [{ columns, rows }],
  });
  return finishExport(core, job, output, bytes, {
    rows: rows.length,
    audit: {
      entity: 'class',
      entityId: target.id,
      summary: message('documents.attendance.summary', { title, count: members.length, path: output.path }),
      after: { path: output.path },
    },
  });
};
