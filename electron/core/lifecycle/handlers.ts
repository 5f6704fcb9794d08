import { unarchiveClass } from '../classes/service';
import type { Handlers } from '../router';
import { exportArchive } from './archive';
import { importArchive, previewArchive } from './archive-import';
import { certificateCandidates } from './certificates';
import { exportClosingDocument } from './documents';
import { copyClassWith } from './copy';
import { classFigures, closeChecklist } from './figures';
import { exportHandbook } from './handbook';
import { setStatusChecked } from './status';

export const lifecycleHandlers = {
  'lifecycle.check': (core, { classId }) => closeChecklist(core, classId),
  'lifecycle.figures': (core, { classId }) => classFigures(core, classId),
  'lifecycle.summary': (core, { classId, grant }, job) => exportClosingDocument(core, 'summary', classId, grant, job),
  'lifecycle.hours': (core, { classId, grant, fullIdNumber }, job) =>
    exportClosingDocument(core, 'hours', classId, grant, job, { fullIdNumber }),
  'lifecycle.certificateCandidates': (core, { classId }) => certificateCandidates(core, classId),
  'lifecycle.certificates': (core, { classId, grant, traineeIds }, job) =>
    exportClosingDocument(core, 'certificates', classId, grant, job, { fullIdNumber: false, traineeIds }),
  'lifecycle.copy': (core, input) => copyClassWith(core, input),
  'lifecycle.setStatus': (core, { id, status, anyway }) => setStatusChecked(core, id, status, anyway),
  'lifecycle.unarchive': (core, { id }) => unarchiveClass(core, id),
  'lifecycle.handbook': (core, { classId, grant }, job) => exportHandbook(core, classId, grant, job),
  'lifecycle.archiveExport': (core, { classId, grant }, job) => exportArchive(core, classId, grant, job),
  'lifecycle.archivePreview': (core, { grant }, job) => previewArchive(core, grant, job),
  'lifecycle.archiveImport': (core, { grant, token }, job) => importArchive(core, { grant, token }, job),
} satisfies Handlers;
