import { message } from '../../../shared/i18n/translate';
import type { SessionFields } from '../../../shared/schedule/schemas';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import type { Core } from '../context';
import { statement } from '../db/statements';

// A session held at a teaching point: the point must exist, and the place is its name unless the
// person wrote something else (a room at the point, say).
export const withPlace = (core: Core, fields: SessionFields, field = 'session.siteId'): SessionFields => {
  if (fields.siteId === null) return fields;
  const name = statement<[number], string>(core.db, 'SELECT name FROM sites WHERE id = ?').pluck().get(fields.siteId);
  if (name === undefined)
    throw invalidInput([{ ...fieldIssue(field, 'unknown_value', { value: fields.siteId }), message: message('sites.notFound') }]);
  return fields.place === '' ? { ...fields, place: name } : fields;
};
