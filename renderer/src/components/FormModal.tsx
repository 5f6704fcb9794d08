import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const focusFirstField = () => {
  const body = document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal-body');
  if (
    !body ||
    (document.activeElement && body.contains(document.activeElement) && document.activeElement.matches('input, textarea'))
  )
    return;
  body.querySelector<HTMLElement>('[autofocus], input:not([type="hidden"]):not([disabled]), textarea')?.focus();
};

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
      // Once it has opened, the keyboard is in its first field (the dialog's own frame takes the
      // focus as its opening ends, unless a field already has it).
      afterOpenChange={(opened) => {
        if (opened) focusFirstField();
      }}
    >
      {children}
    </Modal>
  );
};
