import { z } from 'zod';
import { command, job, query } from '../channel';
import { exportResultSchema } from '../files/schemas';
import { attendanceSchemas, attendanceSummarySchema, sessionAttendanceSchema } from './schemas';

export const attendanceContract = {
  'attendance.session': query(attendanceSchemas.session, sessionAttendanceSchema),
  'attendance.record': command(attendanceSchemas.record, sessionAttendanceSchema),
  'attendance.allPresent': command(attendanceSchemas.allPresent, sessionAttendanceSchema),
  'attendance.leave': command(attendanceSchemas.leave, z.object({ sessions: z.number().int(), summary: z.string() })),
  'attendance.summary': query(attendanceSchemas.summary, attendanceSummarySchema),
  'attendance.export': job(attendanceSchemas.export, exportResultSchema, { quiet: true }),
};
