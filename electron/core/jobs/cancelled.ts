import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';

// What a job answers when the person asked it to stop.
export const cancelled = () => new AppError('CANCELLED', message('errors.CANCELLED'));
