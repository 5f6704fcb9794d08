import { message } from '../../../shared/i18n/translate';
import { fieldIssue, invalidInput } from '../../../shared/validation';

// A base or a point is refused a name another one already has.
export const duplicateName = (field: string, key: 'sites.duplicateBase' | 'sites.duplicatePoint', name: string) =>
  invalidInput([{ ...fieldIssue(field, 'duplicate'), message: message(key, { name }) }]);
