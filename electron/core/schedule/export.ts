import { classTitle, type TrainingClass } from '../../../shared/classes/schemas';
import { chineseDate, chineseWeekday, monthDay } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import type { SharedMessages } from '../../../shared/i18n/zh-CN';
import { printedTime, type Session } from '../../../shared/schedule/schemas';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import { writeDocx } from '../documents/docx-writer';
import { renderHtml } from '../documents/html-writer';
import { printPdf } from '../documents/render';
import { writeIcs } from '../documents/ics-writer';
import type { DocColumn, TableDoc } from '../documents/table-doc';
import { writeXlsx } from '../documents/xlsx-writer';
import { exportTarget, finishExport } from '../files/export';
import type { Job } from '../jobs/job';
import { getSettings } from '../settings/service';
import { getStaff } from '../staff/service';
import { getSession, listSessions } from './rows';
import { type ExportResult, type PrintResult } from '../../../shared/files/schemas';
import { printDoc } from '../documents/print';

type Row = { session: Session; className: string };

const teacherNames = (session: Session) => session.teachers.map((t) => t.name).join(message('text.list'));

// The usual official layout: 日期 / 星期 / 时间 / 课程内容 / 教学形式 / 授课人 / 地点, with each
// date written once over all of its sessions.
const scheduleDoc = (title: string, subtitle: string, rows: readonly Row[], withClass: boolean): TableDoc => {
  const label = (column: keyof SharedMessages['documents']['schedule']['columns']) =>
    message(`documents.schedule.columns.${column}`);
  const columns: DocColumn[] = [
    { label: label('date'), width: 5, align: 'center' },
    { label: label('weekday'), width: 4, align: 'center' },
    { label: label('time'), width: 8, align: 'center' },
    ...(withClass ? [{ label: label('className'), width: 10 }] : []),
    { label: label('title'), width: 16 },
    { label: label('format'), width: 6, align: 'center' as const },
    { label: label('teachers'), width: 8, align: 'center' as const },
    { label: label('place'), width: 10 },
  ];
  return {
    title,
    subtitle,
    orientation: 'landscape',
    sections: [
      {
        columns,
        mergeColumns: [0, 1],
        rows: rows.map(({ session, className }) => [
          monthDay(session.date),
          chineseWeekday(session.date),
          printedTime(session),
          ...(withClass ? [className] : []),
          session.title,
          session.format,
          teacherNames(session),
          session.place,
        ]),
      },
    ],
  };
};

const classHeading = (c: TrainingClass, school: string) => ({
  title: message('schedule.titleClass', { title: classTitle(c) }),
  subtitle: [school, message('documents.trainingDates', { from: chineseDate(c.startDate), to: chineseDate(c.endDate) })]
    .filter(Boolean)
    .join(message('text.gap')),
});

// A class's schedule as the export lays it out (the class archive writes it into its package).
export const classScheduleDoc = (core: Core, classId: number): TableDoc => {
  const c = getClass(core, classId);
  const { title, subtitle } = classHeading(c, getSettings(core).schoolName);
  return scheduleDoc(
    title,
    subtitle,
    listSessions(core, c.id).map((session) => ({ session, className: c.name })),
    false,
  );
};

export type ScheduleExport = {
  classId?: number | undefined;
  teacherId?: number | undefined;
  format: 'xlsx' | 'docx' | 'pdf' | 'ics';
  grant: string;
};

export const exportSchedule = async (core: Core, input: ScheduleExport, job: Job): Promise<ExportResult> => {
  if ((input.classId === undefined) === (input.teacherId === undefined)) {
    throw new AppError('INVALID_INPUT', message('issues.required', { label: message('fields.classId') }), {
      issues: [{ field: 'classId', code: 'required', message: message('issues.required', { label: message('fields.classId') }) }],
    });
  }
  const target = exportTarget(core, input.grant, input.format);
  job.progress('prepare', 0, 1);
  const school = getSettings(core).schoolName;
  let rows: Row[];
  let title: string;
  let subtitle: string;
  let calendarName: string;
  if (input.classId !== undefined) {
    const c = getClass(core, input.classId);
    rows = listSessions(core, c.id).map((session) => ({ session, className: c.name }));
    ({ title, subtitle } = classHeading(c, school));
    calendarName = classTitle(c);
  } else {
    const teacher = getStaff(core, input.teacherId ?? 0);
    rows = [...teacher.teaching]
      .reverse()
      .map((taught) => ({ session: getSession(core, taught.sessionId), className: taught.className }));
    title = message('schedule.titleTeacher', { name: teacher.name });
    subtitle = [school, teacher.organisation].filter(Boolean).join(message('text.gap'));
    calendarName = title;
  }
  const doc = scheduleDoc(title, subtitle, rows, input.teacherId !== undefined);
  const bytes =
    input.format === 'xlsx'
      ? await writeXlsx(doc)
      : input.format === 'docx'
        ? await writeDocx(doc)
        : input.format === 'pdf'
          ? await printPdf(core, job, renderHtml(doc), true)
          : writeIcs(
              calendarName,
              rows.map(({ session, className }) => ({
                uid: `session-${session.id}@cadre-training-desk`,
                date: session.date,
                start: session.start,
                end: session.end,
                summary:
                  input.teacherId !== undefined
                    ? message('documents.schedule.calendarTitle', { title: session.title, className })
                    : session.title,
                location: session.place,
                description: [
                  session.format ? message('documents.schedule.calendarFormat', { value: session.format }) : '',
                  session.teachers.length ? message('documents.schedule.calendarTeachers', { value: teacherNames(session) }) : '',
                  session.module ? message('documents.schedule.calendarModule', { value: session.module }) : '',
                ]
                  .filter(Boolean)
                  .join('\n'),
              })),
              core.now(),
            );
  return finishExport(core, job, target, bytes, {
    rows: rows.length,
    audit: {
      entity: input.classId !== undefined ? 'class' : 'staff',
      entityId: input.classId ?? input.teacherId ?? null,
      summary: message('documents.schedule.summary', {
        title,
        format: input.format.toUpperCase(),
        count: rows.length,
        path: target.path,
      }),
      after: { format: input.format, path: target.path, sessions: rows.length },
    },
  });
};

// A class's schedule through the system's print dialog.
export const printSchedule = async (core: Core, classId: number, job: Job): Promise<PrintResult> => {
  const c = getClass(core, classId);
  job.progress('prepare', 0, 1);
  return printDoc(core, job, classScheduleDoc(core, classId), {
    entity: 'class',
    entityId: classId,
    summary: message('documents.schedule.printed', { name: c.name }),
    after: { document: 'schedule' },
  });
};
