import { AppError } from '../../../shared/errors';
import { message, type MessageKey, type Params } from '../../../shared/i18n/translate';

// A file the person chose that cannot be used (not what it should be, damaged, too large): refused
// in words about the file, on the field that named it.
export const fileRefusal = (text: string): AppError =>
  new AppError('INVALID_INPUT', text, { issues: [{ field: 'grant', code: 'invalid_format', message: text }] });

export const refuseFile = (key: MessageKey, params?: Params): AppError => fileRefusal(message(key, params));
