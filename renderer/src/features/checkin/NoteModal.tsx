import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinRow } from '../../../../shared/checkin/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';

// 迟到 or 请假, with what the desk notes (the reason, when they will come).
export const NoteModal = ({ row, status, onClose }: { row: CheckinRow; status: 'late' | 'leave'; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    const result = await api.checkin.mark({ enrolmentId: row.enrolmentId, status, note });
    setSaving(false);
    if (!result.ok) return message.error(errorText(result.error));
    message.success(result.value.summary);
    onClose();
  };
  return (
    <Modal
      open
      title={t(status === 'late' ? 'checkinPage.lateTitle' : 'checkinPage.leaveTitle', { name: row.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form layout="vertical" data-testid="checkin-note-form">
        <Form.Item label={t('checkinPage.note')}>
          <Input autoFocus maxLength={200} value={note} onChange={(event) => setNote(event.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
