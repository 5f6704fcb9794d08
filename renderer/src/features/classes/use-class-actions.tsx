import { App } from 'antd';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { ClassStatus, TrainingClass } from '../../../../shared/classes/schemas';
import { checkItems } from '../../../../shared/lifecycle/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';

// What the core said is missing before a class can close, when that is why it refused.
const missingSchema = z.array(z.object({ item: z.enum(checkItems), missing: z.string() })).min(1);

// Delete and status changes, with their confirmations, for the list and the detail page alike.
export const useClassActions = () => {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { errorText } = useErrorText();

  const remove = (target: TrainingClass, onRemoved?: () => void) => {
    void modal.confirm({
      title: t('classes.remove.title'),
      content: t('classes.remove.confirm', { name: target.name, code: target.code }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      autoFocusButton: 'cancel',
      onOk: async () => {
        const result = await api.classes.remove({ id: target.id });
        if (!result.ok) {
          message.error(errorText(result.error));
          return;
        }
        message.success(t('classes.remove.done', { name: target.name }));
        onRemoved?.();
      },
    });
  };

  const apply = async (run: () => ReturnType<typeof api.lifecycle.setStatus>) => {
    const result = await run();
    if (!result.ok) message.error(errorText(result.error));
    else message.success(t('classes.status.changed', { status: t(`status.${result.value.status}`) }));
    return result;
  };

  // 已结业 and 已归档 wait for the closing checklist: what is missing is shown, and the person may
  // close the class anyway (the log keeps what was missing).
  const setStatus = async (target: TrainingClass, to: ClassStatus) => {
    const result = await api.lifecycle.setStatus({ id: target.id, status: to });
    const parsed = result.ok ? undefined : missingSchema.safeParse(result.error.details?.missing);
    const missing = parsed?.success ? parsed.data : undefined;
    if (!missing) {
      if (result.ok) message.success(t('classes.status.changed', { status: t(`status.${result.value.status}`) }));
      else message.error(errorText(result.error));
      return;
    }
    void modal.confirm({
      title: t('classes.status.notReady', { status: t(`status.${to}`) }),
      width: 520,
      content: (
        <ul data-testid="missing-to-close" style={{ paddingInlineStart: 20, margin: '8px 0' }}>
          {missing.map((item) => (
            <li key={item.item}>{t('common.colon', { label: t(`closing.items.${item.item}`), text: item.missing })}</li>
          ))}
        </ul>
      ),
      okText: t('classes.status.closeAnyway', { status: t(`status.${to}`) }),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      autoFocusButton: 'cancel',
      onOk: () => apply(() => api.lifecycle.setStatus({ id: target.id, status: to, anyway: true })),
    });
  };

  const changeStatus = (target: TrainingClass, to: ClassStatus) => {
    if (to !== 'archived') {
      void setStatus(target, to);
      return;
    }
    void modal.confirm({
      title: t('classes.status.archive'),
      content: t('classes.status.archiveConfirm', { name: target.name }),
      okText: t('classes.status.archive'),
      cancelText: t('common.cancel'),
      onOk: () => setStatus(target, 'archived'),
    });
  };

  const unarchive = (target: TrainingClass) => {
    void modal.confirm({
      title: t('classes.status.unarchive'),
      content: t('classes.status.unarchiveConfirm', { name: target.name }),
      okText: t('classes.status.unarchive'),
      cancelText: t('common.cancel'),
      onOk: () => apply(() => api.lifecycle.unarchive({ id: target.id })),
    });
  };

  return { remove, changeStatus, unarchive };
};
