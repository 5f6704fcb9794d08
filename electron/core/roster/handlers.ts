import type { Handlers } from '../router';
import { exportRoster, printRoster } from './export';
import { commitImport, previewImport } from './import/service';
import { addToRoster, assignInRoster, listRoster, removeFromRoster, splitGroups, updateRosterEntry } from './service';

export const rosterHandlers = {
  'roster.list': (core, query) => listRoster(core, query),
  'roster.add': (core, input) => addToRoster(core, input),
  'roster.update': (core, { enrolmentId, trainee, enrolment }) => updateRosterEntry(core, enrolmentId, trainee, enrolment),
  'roster.remove': (core, { enrolmentIds }) => removeFromRoster(core, enrolmentIds),
  'roster.assign': (core, { classId, assignments }) => assignInRoster(core, classId, assignments),
  'roster.splitGroups': (core, { classId, groups }) => splitGroups(core, classId, groups),
  'roster.importPreview': (core, source, job) => previewImport(core, source, job),
  'roster.importCommit': (core, source, job) => commitImport(core, source, job),
  'roster.export': (core, input, job) => exportRoster(core, input, job),
  'roster.print': (core, input, job) => printRoster(core, input, job),
} satisfies Handlers;
