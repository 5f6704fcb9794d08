import type { Handlers } from '../router';
import { createStaff, getStaff, listStaff, setTeam, teamOf, updateStaff } from './service';

export const staffHandlers = {
  'staff.list': (core, { search }) => listStaff(core, search),
  'staff.get': (core, { id }) => getStaff(core, id),
  'staff.create': (core, fields) => createStaff(core, fields),
  'staff.update': (core, { id, fields }) => updateStaff(core, id, fields),
  'staff.team': (core, { classId }) => teamOf(core, classId),
  'staff.setTeam': (core, { classId, members }) => setTeam(core, classId, members),
} satisfies Handlers;
