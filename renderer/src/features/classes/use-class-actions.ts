import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassStatus, TrainingClass } from '../../../../shared/classes/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';

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

  const apply = async (run: () => ReturnType<typeof api.classes.setStatus>) => {
    const result = await run();
    if (!result.ok) message.error(errorText(result.error));
    else message.success(t('classes.status.changed', { status: t(`status.${result.value.status}`) }));
  };

  const changeStatus = (target: TrainingClass, to: ClassStatus) => {
    if (to !== 'archived') {
      void apply(() => api.classes.setStatus({ id: target.id, status: to }));
      return;
    }
    void modal.confirm({
      title: t('classes.status.archive'),
      content: t('classes.status.archiveConfirm', { name: target.name }),
      okText: t('classes.status.archive'),
      cancelText: t('common.cancel'),
      onOk: () => apply(() => api.classes.setStatus({ id: target.id, status: 'archived' })),
    });
  };

  const unarchive = (target: TrainingClass) => {
    void modal.confirm({
      title: t('classes.status.unarchive'),
      content: t('classes.status.unarchiveConfirm', { name: target.name }),
      okText: t('classes.status.unarchive'),
      cancelText: t('common.cancel'),
      onOk: () => apply(() => api.classes.unarchive({ id: target.id })),
    });
  };

  return { remove, changeStatus, unarchive };
};
