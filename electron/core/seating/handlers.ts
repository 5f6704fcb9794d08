import type { Handlers } from '../router';
import { arrangeClass, saveSeats, seatingView } from './service';

export const seatingHandlers = {
  'seating.get': (core, input) => seatingView(core, input.classId),
  'seating.arrange': (core, input) => arrangeClass(core, input),
  'seating.save': (core, input) => saveSeats(core, input),
} satisfies Handlers;
