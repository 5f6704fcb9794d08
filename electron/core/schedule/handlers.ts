import type { Handlers } from '../router';
import { exportSchedule, printSchedule } from './export';
import { commitScheduleImport, previewScheduleImport } from './import';
import { checkSession, classConflicts } from './conflicts';
import { scheduleBalance } from './hours';
import { listSessions } from './rows';
import { copySchedule, removeSession, saveSession } from './save';

export const scheduleHandlers = {
  'schedule.list': (core, { classId }) => listSessions(core, classId),
  'schedule.check': (core, { classId, sessionId, session }) => checkSession(core, classId, sessionId, session),
  'schedule.save': (core, input) => saveSession(core, input),
  'schedule.remove': (core, { sessionId }) => removeSession(core, sessionId),
  'schedule.conflicts': (core, { classId }) => classConflicts(core, classId),
  'schedule.copyFrom': (core, input) => copySchedule(core, input),
  'schedule.balance': (core, { classId }) => scheduleBalance(core, classId),
  'schedule.export': (core, input, job) => exportSchedule(core, input, job),
  'schedule.print': (core, { classId }, job) => printSchedule(core, classId, job),
  'schedule.importPreview': (core, input, job) => previewScheduleImport(core, input, job),
  'schedule.importCommit': (core, input, job) => commitScheduleImport(core, input, job),
} satisfies Handlers;
