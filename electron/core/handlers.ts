import { appHandlers } from './app/handlers';
import { attendanceHandlers } from './attendance/handlers';
import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backup/handlers';
import { checkHandlers } from './check/handlers';
import { checkinHandlers } from './checkin/handlers';
import { classHandlers } from './classes/handlers';
import { lifecycleHandlers } from './lifecycle/handlers';
import { documentsHandlers } from './documents/handlers';
import { fileHandlers } from './files/handlers';
import { jobsHandlers } from './jobs/handlers';
import { rosterHandlers } from './roster/handlers';
import type { Handlers } from './router';
import { scheduleHandlers } from './schedule/handlers';
import { settingsHandlers } from './settings/handlers';
import { sitesHandlers } from './sites/handlers';
import { lodgingHandlers } from './lodging/handlers';
import { reportsHandlers } from './reports/handlers';
import { searchHandlers } from './search/handlers';
import { seatingHandlers } from './seating/handlers';
import { surveysHandlers } from './surveys/handlers';
import { staffHandlers } from './staff/handlers';
import { traineeHandlers } from './trainees/handlers';
import { vocabHandlers } from './vocab/handlers';
import { workbenchHandlers } from './workbench/handlers';

// Each domain's handler table, by the folder it lives in: the channels `x.*` are handled in
// electron/core/x/ and nowhere else (domains.test.ts holds every folder to it).
export const domainHandlers = {
  app: appHandlers,
  settings: settingsHandlers,
  vocab: vocabHandlers,
  classes: classHandlers,
  trainees: traineeHandlers,
  roster: rosterHandlers,
  files: fileHandlers,
  documents: documentsHandlers,
  backup: backupHandlers,
  check: checkHandlers,
  audit: auditHandlers,
  staff: staffHandlers,
  schedule: scheduleHandlers,
  attendance: attendanceHandlers,
  checkin: checkinHandlers,
  seating: seatingHandlers,
  sites: sitesHandlers,
  lodging: lodgingHandlers,
  reports: reportsHandlers,
  surveys: surveysHandlers,
  lifecycle: lifecycleHandlers,
  workbench: workbenchHandlers,
  search: searchHandlers,
  jobs: jobsHandlers,
} satisfies Record<string, Handlers>;
