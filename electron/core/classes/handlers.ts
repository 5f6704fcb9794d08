import { setStatusChecked } from '../closing/status';
import type { Handlers } from '../router';
import { copyClassWith } from './copy';
import { exportHandbook } from './handbook';
import { classYears, createClass, getClass, listClasses, removeClass, unarchiveClass, updateClass } from './service';

export const classHandlers = {
  'classes.list': (core, input) => listClasses(core, input),
  'classes.years': (core) => classYears(core),
  'classes.get': (core, { ref }) => getClass(core, ref),
  'classes.create': (core, fields) => createClass(core, fields),
  'classes.update': (core, { id, fields }) => updateClass(core, id, fields),
  'classes.remove': (core, { id }) => removeClass(core, id),
  'classes.copy': (core, input) => copyClassWith(core, input),
  'classes.setStatus': (core, { id, status, anyway }) => setStatusChecked(core, id, status, anyway),
  'classes.unarchive': (core, { id }) => unarchiveClass(core, id),
  'classes.handbook': (core, { classId, grant }, job) => exportHandbook(core, classId, grant, job),
} satisfies Handlers;
