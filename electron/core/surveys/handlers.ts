import { exportSurveyTemplate } from './template';
import type { Handlers } from '../router';
import {
  createSurvey,
  listResponses,
  listSurveys,
  listTemplates,
  removeSurvey,
  resetTemplate,
  saveResponses,
  saveTemplate,
  subjectHistory,
  surveyResults,
} from './service';
import { commitPlatformImport, previewPlatformImport } from './platform-import';
import { importSurveys, previewSurveys } from './table';

export const surveysHandlers = {
  'surveys.templates': (core) => listTemplates(core),
  'surveys.saveTemplate': (core, { satisfaction, name, items }) => saveTemplate(core, satisfaction, name, items),
  'surveys.resetTemplate': (core, { satisfaction }) => resetTemplate(core, satisfaction),
  'surveys.list': (core, { classId }) => listSurveys(core, classId),
  'surveys.create': (core, input) => createSurvey(core, input),
  'surveys.remove': (core, { id }) => removeSurvey(core, id),
  'surveys.responses': (core, { surveyId }) => listResponses(core, surveyId),
  'surveys.saveResponses': (core, { surveyId, responses }) => saveResponses(core, surveyId, responses),
  'surveys.results': (core, { surveyId }) => surveyResults(core, surveyId),
  'surveys.history': (core, { subject, id }) => subjectHistory(core, subject, id),
  'surveys.importPreview': (core, { classId, grant }, job) => previewSurveys(core, classId, grant, job),
  'surveys.import': (core, { classId, grant, token }, job) => importSurveys(core, classId, grant, job, token),
  'surveys.template': (core, { classId, grant }, job) => exportSurveyTemplate(core, classId, grant, job),
  'surveys.platformPreview': (core, source, job) => previewPlatformImport(core, source, job),
  'surveys.platformCommit': (core, source, job) => commitPlatformImport(core, source, job),
} satisfies Handlers;
