import { App, Checkbox, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classLimits, copiedClassName, type TrainingClass } from '../../../../shared/classes/schemas';
import { addDays, chineseDate, daysBetween } from '../../../../shared/dates';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';

type Props = { source: TrainingClass; onClose: () => void; onCopied: (copy: TrainingClass) => void };

type CopyValues = { startDate: Dayjs | null; name: string; withSchedule: boolean; withTeam: boolean };

// The usual case is "the same class next year": one year on, moved to the nearest same weekday.
const nextYearSameWeekday = (iso: string): Dayjs => {
  const start = dayjs(iso);
  const target = start.add(1, 'year');
  const ahead = (start.day() - target.day() + 7) % 7;
  return target.add(ahead > 3 ? ahead - 7 : ahead, 'day');
};

export const CopyClassModal = ({ source, onClose, onCopied }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [form] = Form.useForm<CopyValues>();
  const [saving, setSaving] = useState(false);
  const sessions = useQuery(() => api.schedule.list({ classId: source.id }), `schedule:${source.id}`);
  const team = useQuery(() => api.staff.team({ classId: source.id }), `team:${source.id}`);
  const sessionCount = sessions.data?.length ?? 0;
  const teamCount = team.data?.length ?? 0;
  const initialStart = nextYearSameWeekday(source.startDate);
  const suggestedName = (start: Dayjs | null | undefined) =>
    start
      ? copiedClassName(
          source.name,
          source.year,
          source.year + start.year() - dayjs(source.startDate).year(),
          t('classes.copySuffix'),
        )
      : source.name;
  const start = Form.useWatch('startDate', form);
  const end = start ? addDays(source.endDate, daysBetween(source.startDate, start.format('YYYY-MM-DD'))) : undefined;

  const submit = async () => {
    const values = await form.validateFields();
    if (!values.startDate) return;
    setSaving(true);
    const result = await api.lifecycle.copy({
      id: source.id,
      startDate: values.startDate.format('YYYY-MM-DD'),
      name: values.name,
      withSchedule: sessionCount > 0 && values.withSchedule,
      withTeam: teamCount > 0 && values.withTeam,
    });
    setSaving(false);
    if (!result.ok) {
      message.error(errorText(result.error));
      return;
    }
    message.success(t('classes.copy.done', { name: result.value.name }));
    onCopied(result.value);
  };

  return (
    <Modal
      open
      title={t('classes.copy.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      maskClosable={false}
    >
      <Typography.Paragraph type="secondary">{t('classes.copy.intro', { name: source.name })}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ startDate: initialStart, name: suggestedName(initialStart), withSchedule: true, withTeam: true }}
        onValuesChange={(changed: Partial<CopyValues>) => {
          if ('startDate' in changed) form.setFieldValue('name', suggestedName(changed.startDate));
        }}
        data-testid="copy-form"
      >
        <Form.Item
          name="startDate"
          label={t('classes.copy.newStart')}
          rules={[{ required: true, message: t('issues.required', { label: t('fields.startDate') }) }]}
          extra={end ? t('classes.copy.newEnd', { date: chineseDate(end) }) : undefined}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('classes.copy.newName')}
          rules={[
            { required: true, whitespace: true, message: t('issues.required', { label: t('fields.name') }) },
            { max: classLimits.name, message: t('issues.too_long', { label: t('fields.name'), max: classLimits.name }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="withSchedule" valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox disabled={sessionCount === 0}>{t('classes.copy.withSchedule', { count: sessionCount })}</Checkbox>
        </Form.Item>
        <Form.Item name="withTeam" valuePropName="checked">
          <Checkbox disabled={teamCount === 0}>{t('classes.copy.withTeam', { count: teamCount })}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
};
