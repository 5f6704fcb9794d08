import { allPresent, applyLeave, attendanceSummary, recordAttendance, sessionAttendance } from '../attendance/service';
import { exportAttendance } from '../attendance/export';
import type { Handlers } from '../router';
import { exportSchedule } from './export';
import { commitScheduleImport, previewScheduleImport } from './import';
import { checkSession, classConflicts, copySchedule, listSessions, removeSession, saveSession, scheduleBalance } from './service';

export const scheduleHandlers = {
  'schedule.list': (core, { classId }) => listSessions(core, classId),
  'schedule.check': (core, { classId, sessionId, session }) => checkSession(core, classId, sessionId, session),
  'schedule.save': (core, input) => saveSession(core, input),
  'schedule.remove': (core, { sessionId }) => removeSession(core, sessionId),
  'schedule.conflicts': (core, { classId }) => classConflicts(core, classId),
  'schedule.copyFrom': (core, input) => copySchedule(core, input),
  'schedule.balance': (core, { classId }) => scheduleBalance(core, classId),
  'schedule.export': (core, input, job) => exportSchedule(core, input, job),
  'schedule.importPreview': (core, input) => previewScheduleImport(core, input),
  'schedule.importCommit': (core, input) => commitScheduleImport(core, input),
  'attendance.session': (core, { sessionId }) => sessionAttendance(core, sessionId),
  'attendance.record': (core, { sessionId, marks }) => recordAttendance(core, sessionId, marks),
  'attendance.allPresent': (core, { sessionId }) => allPresent(core, sessionId),
  'attendance.leave': (core, input) => applyLeave(core, input),
  'attendance.summary': (core, { classId }) => attendanceSummary(core, classId),
  'attendance.export': (core, input, job) => exportAttendance(core, input, job),
} satisfies Handlers;
