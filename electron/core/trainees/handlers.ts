import type { Handlers } from '../router';
import { getTrainee, revealTrainees, searchTrainees, updateTrainee } from './service';

export const traineeHandlers = {
  'trainees.search': (core, query) => searchTrainees(core, query),
  'trainees.get': (core, { id }) => getTrainee(core, id),
  'trainees.update': (core, { id, fields }) => updateTrainee(core, id, fields),
  'trainees.reveal': (core, { ids, purpose }) => revealTrainees(core, ids, purpose),
} satisfies Handlers;
