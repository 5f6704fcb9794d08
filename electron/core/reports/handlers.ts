import { todayIso } from '../../../shared/dates';
import type { Handlers } from '../router';
import { compileExcellent, exportReportList, openVersion } from './exports';
import { searchReports } from './search';
import { classBoard } from './board';
import { renameReport, reviewReport, saveOutcome } from './reviews';
import { getReport, listReports } from './rows';
import { commitReports, stageReports } from './stage';
import { assignRest, chooseTopic, removeTopic, saveTopic, setDeadline } from './topics';

export const reportsHandlers = {
  'reports.board': (core, { classId }) => classBoard(core, classId, todayIso(core.now())),
  'reports.get': (core, { id }) => getReport(core, id),
  'reports.list': (core, filter) => ({ rows: listReports(core, filter) }),
  'reports.search': (core, { query, filter, limit }) => searchReports(core, query, filter, limit),
  'reports.saveTopic': (core, { classId, id, fields }) => saveTopic(core, classId, id, fields),
  'reports.removeTopic': (core, { id }) => removeTopic(core, id),
  'reports.setDeadline': (core, { classId, deadline }) => setDeadline(core, classId, deadline),
  'reports.choose': (core, input) => chooseTopic(core, input),
  'reports.assignRest': (core, { classId }) => assignRest(core, classId),
  'reports.review': (core, { reportId, review }) => reviewReport(core, reportId, review),
  'reports.rename': (core, { reportId, title }) => renameReport(core, reportId, title),
  'reports.saveOutcome': (core, { reportId, publication, forwardings }) => saveOutcome(core, reportId, publication, forwardings),
  'reports.open': (core, { versionId, action }) => openVersion(core, versionId, action),
  'reports.stage': (core, { classId, grants, folder }, job) => stageReports(core, { classId, grants, folder }, job),
  'reports.commit': (core, { classId, token, items }, job) => commitReports(core, { classId, token, items }, job),
  'reports.export': (core, { filter, grant }, job) => exportReportList(core, filter, grant, job),
  'reports.compile': (core, { classId, grant }, job) => compileExcellent(core, classId, grant, job),
} satisfies Handlers;
