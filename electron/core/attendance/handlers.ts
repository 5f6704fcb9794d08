import type { Handlers } from '../router';
import { exportAttendance } from './export';
import { allPresent, applyLeave, attendanceSummary, recordAttendance, sessionAttendance } from './service';

export const attendanceHandlers = {
  'attendance.session': (core, { sessionId }) => sessionAttendance(core, sessionId),
  'attendance.record': (core, { sessionId, marks }) => recordAttendance(core, sessionId, marks),
  'attendance.allPresent': (core, { sessionId }) => allPresent(core, sessionId),
  'attendance.leave': (core, input) => applyLeave(core, input),
  'attendance.summary': (core, { classId }) => attendanceSummary(core, classId),
  'attendance.export': (core, input, job) => exportAttendance(core, input, job),
} satisfies Handlers;
