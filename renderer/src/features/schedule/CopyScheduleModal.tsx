import { Alert, App, Checkbox, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import { daysBetween } from '../../../../shared/dates';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';

// Classes repeat every year: last year's schedule, moved to this class's dates, in one step that
// either copies every session or none.
export const CopyScheduleModal = ({
  target,
  hasSessions,
  onClose,
}: {
  target: TrainingClass;
  hasSessions: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const classes = useQuery(() => api.classes.list({}), 'classes:all');
  const [sourceId, setSourceId] = useState<number>();
  const [replace, setReplace] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  const others = (classes.data?.items ?? []).filter((c) => c.id !== target.id);
  // Same category first: a 市管干部 class copies from last year's 市管干部 class.
  const sorted = [...others].sort(
    (a, b) =>
      Number(b.category === target.category) - Number(a.category === target.category) || b.startDate.localeCompare(a.startDate),
  );
  const source = others.find((c) => c.id === sourceId);

  const submit = async () => {
    if (!source) return;
    setSaving(true);
    const result = await api.schedule.copyFrom({ classId: target.id, sourceClassId: source.id, replace });
    setSaving(false);
    if (!result.ok) return setFailure(errorText(result.error));
    message.success(t('schedulePage.copy.done', { count: result.value.copied }));
    onClose();
  };

  return (
    <Modal
      open
      title={t('schedulePage.copy.title')}
      okText={t('schedulePage.copy.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !source }}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('schedulePage.copy.source')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            value={sourceId}
            onChange={(next) => {
              setSourceId(next);
              setFailure(undefined);
            }}
            loading={classes.loading}
            options={sorted.map((c) => ({
              value: c.id,
              label: `${c.name}${t('common.inParentheses', { text: `${c.startDate} ${t('common.to')} ${c.endDate}` })}`,
            }))}
            aria-label={t('schedulePage.copy.source')}
          />
        </Form.Item>
        {source && (
          <Typography.Paragraph>
            {t('schedulePage.copy.shift', { days: daysBetween(source.startDate, target.startDate) })}
          </Typography.Paragraph>
        )}
        {hasSessions && (
          <Checkbox checked={replace} onChange={(event) => setReplace(event.target.checked)}>
            {t('schedulePage.copy.replace')}
          </Checkbox>
        )}
        {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} data-testid="copy-failure" />}
      </Form>
    </Modal>
  );
};
