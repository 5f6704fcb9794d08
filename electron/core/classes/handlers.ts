import type { Handlers } from '../router';
import { classYears, createClass, getClass, listClasses, removeClass, updateClass } from './service';

export const classHandlers = {
  'classes.list': (core, input) => listClasses(core, input),
  'classes.years': (core) => classYears(core),
  'classes.get': (core, { ref }) => getClass(core, ref),
  'classes.create': (core, fields) => createClass(core, fields),
  'classes.update': (core, { id, fields }) => updateClass(core, id, fields),
  'classes.remove': (core, { id }) => removeClass(core, id),
} satisfies Handlers;
