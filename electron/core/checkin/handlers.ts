import type { Handlers } from '../router';
import { checkIn, listCheckins, markCheckin, undoCheckin, walkIn } from './service';

export const checkinHandlers = {
  'checkin.list': (core, input) => listCheckins(core, input),
  'checkin.checkIn': (core, input) => checkIn(core, input),
  'checkin.mark': (core, input) => markCheckin(core, input),
  'checkin.undo': (core, input) => undoCheckin(core, input),
  'checkin.walkIn': (core, input) => walkIn(core, input),
} satisfies Handlers;
