import { AppError } from '../../../shared/errors';
import { type ClassStatus, canMoveTo, type TrainingClass } from '../../../shared/classes/schemas';
import { message } from '../../../shared/i18n/translate';
import { record } from '../db/audit-record';
import { getClass, setClassStatus } from '../classes/service';
import type { Core } from '../context';
import { keepCertificateNumbers } from './certificates';
import { closeChecklist } from './figures';

// A class is marked 已结业 or 已归档 once its closing checklist is complete. Until then the answer
// says what is missing; the person may close it anyway (a trainee who never handed in a report),
// and the log keeps what was missing when they did.
export const setStatusChecked = (core: Core, id: number, status: ClassStatus, anyway: boolean): TrainingClass => {
  const current = getClass(core, id);
  // Only for a move the flow allows (any other is refused as it always was).
  const closing = (status === 'finished' || status === 'archived') && canMoveTo(current.status, status);
  const missing = closing ? closeChecklist(core, id).items.filter((item) => !item.done) : [];
  const text = missing.map((item) => item.missing).join(message('text.clauses'));
  const params = { name: current.name, status: message(`status.${status}`), missing: text };
  if (missing.length > 0 && !anyway)
    throw new AppError('INVALID_STATE', message('classes.notReadyToClose', params), {
      status,
      missing: missing.map(({ item, missing }) => ({ item, missing })),
    });
  const changed = setClassStatus(core, id, status);
  // 结业: the certificates' numbers are given now, whether or not they are printed yet.
  if (closing) keepCertificateNumbers(core, id);
  if (missing.length > 0)
    record(core, {
      action: 'update',
      entity: 'classes',
      entityId: id,
      summary: message('classes.closedAnyway', params),
      after: { status, missing: missing.map((item) => item.item) },
    });
  return changed;
};
