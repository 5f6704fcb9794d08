import { query } from '../channel';
import { everywhereSchema, searchSchemas } from './schemas';

export const searchContract = {
  'search.everywhere': query(searchSchemas.everywhere, everywhereSchema),
};
