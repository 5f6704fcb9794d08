import type { Handlers } from '../router';
import { createStaff, getStaff, listStaff, setTeam, teamOf, updateStaff } from './service';
import { exportStaff, importStaff, previewStaff } from './table';

export const staffHandlers = {
  'staff.list': (core, { search }) => listStaff(core, search),
  'staff.get': (core, { id }) => getStaff(core, id),
  'staff.create': (core, fields) => createStaff(core, fields),
  'staff.update': (core, { id, fields }) => updateStaff(core, id, fields),
  'staff.importPreview': (core, { grant }, job) => previewStaff(core, grant, job),
  'staff.import': (core, { grant, token }, job) => importStaff(core, grant, job, token),
  'staff.export': (core, { grant }, job) => exportStaff(core, grant, job),
  'staff.team': (core, { classId }) => teamOf(core, classId),
  'staff.setTeam': (core, { classId, members }) => setTeam(core, classId, members),
} satisfies Handlers;
