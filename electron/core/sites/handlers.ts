import type { Handlers } from '../router';
import { addReview, getPoint, removeReview, saveBase, savePoint, setTravel, siteTree } from './service';
import { exportSites, importSites } from './table';

export const sitesHandlers = {
  'sites.tree': (core, { search, includeInactive }) => siteTree(core, search, includeInactive),
  'sites.get': (core, { id }) => getPoint(core, id),
  'sites.saveBase': (core, { id, fields }) => saveBase(core, id, fields),
  'sites.savePoint': (core, { id, fields }) => savePoint(core, id, fields),
  'sites.setTravel': (core, { id, travel }) => setTravel(core, id, travel),
  'sites.addReview': (core, { id, review }) => addReview(core, id, review),
  'sites.removeReview': (core, { reviewId }) => removeReview(core, reviewId),
  'sites.import': (core, { grant }, job) => importSites(core, grant, job),
  'sites.export': (core, { grant }, job) => exportSites(core, grant, job),
} satisfies Handlers;
