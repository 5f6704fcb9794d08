import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// The dialog every edit form sits in: Save and Cancel, busy while saving, and not closed by a
// stray click beside it (what was typed would be lost).
export const FormModal = ({
  title,
  width,
  saving,
  canSave = true,
  onSave,
  onClose,
  children,
}: {
  title: ReactNode;
  width: number;
  saving: boolean;
  canSave?: boolean;
  onSave: () => void;
  onClose: () => void;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={onSave}
      onCancel={onClose}
      okButtonProps={{ disabled: !canSave }}
      confirmLoading={saving}
      width={width}
      destroyOnHidden
      maskClosable={false}
    >
      {children}
    </Modal>
  );
};
