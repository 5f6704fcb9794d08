import type { Handlers } from '../router';
import { removeBase, saveBase } from './bases';
import { getPoint, savePoint, setTravel } from './point-record';
import { addReview, removeReview } from './reviews';
import { siteTree } from './tree';
import { exportSites, importSites, previewSites } from './table';

export const sitesHandlers = {
  'sites.tree': (core, { search, includeInactive }) => siteTree(core, search, includeInactive),
  'sites.get': (core, { id }) => getPoint(core, id),
  'sites.saveBase': (core, { id, fields }) => saveBase(core, id, fields),
  'sites.savePoint': (core, { id, fields }) => savePoint(core, id, fields),
  'sites.setTravel': (core, { id, travel }) => setTravel(core, id, travel),
  'sites.addReview': (core, { id, review }) => addReview(core, id, review),
  'sites.removeReview': (core, { reviewId }) => removeReview(core, reviewId),
  'sites.removeBase': (core, { id }) => removeBase(core, id),
  'sites.importPreview': (core, { grant }, job) => previewSites(core, grant, job),
  'sites.import': (core, { grant, token }, job) => importSites(core, grant, job, token),
  'sites.export': (core, { grant }, job) => exportSites(core, grant, job),
} satisfies Handlers;
