import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Empty, Flex, Form, Input, Modal, Select, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classTitle, type TrainingClass } from '../../../../shared/classes/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { ExportDialog } from '../../components/ExportDialog';
import { dayLabel, sortSessions, timeRange } from '../schedule/session-text';
import { AttendanceDrawer } from './AttendanceDrawer';
import { fileNameOf } from '../../../../shared/files/schemas';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

type Leave = { enrolmentId: number; name: string };

// A leave request covers dates, not sessions: every session of the person in those dates is marked.
const LeaveModal = ({ target, leave, onClose }: { target: TrainingClass; leave: Leave; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [dates, setDates] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const [from, to] = dates ?? [];
    if (!from || !to || !reason.trim()) return;
    setSaving(true);
    const result = await api.attendance.leave({
      enrolmentId: leave.enrolmentId,
      from: from.format('YYYY-MM-DD'),
      to: to.format('YYYY-MM-DD'),
      reason,
    });
    setSaving(false);
    if (!result.ok) return message.error(errorText(result.error));
    message.success(result.value.summary);
    onClose();
  };
  return (
    <Modal
      open
      title={t('attendancePage.leaveTitle', { name: leave.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !dates?.[0] || !dates[1] || !reason.trim() }}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form layout="vertical" data-testid="leave-form">
        <Form.Item label={t('attendancePage.leaveFrom')} required>
          <DatePicker.RangePicker
            value={dates}
            onChange={setDates}
            defaultPickerValue={[dayjs(target.startDate), dayjs(target.startDate)]}
            disabledDate={(day) => day.format('YYYY-MM-DD') < target.startDate || day.format('YYYY-MM-DD') > target.endDate}
          />
        </Form.Item>
        <Form.Item label={t('attendancePage.reason')} required>
          <Input maxLength={200} value={reason} onChange={(event) => setReason(event.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

// Attendance of the whole class: the rate of each trainee and of the class, leave requests, the sheet.
export const AttendanceTab = ({ target }: { target: TrainingClass }) => {
  const { t } = useTranslation();
  const summary = useQuery(() => api.attendance.summary({ classId: target.id }), `attendance-summary:${target.id}`);
  const sessions = useQuery(() => api.schedule.list({ classId: target.id }), `schedule:${target.id}`);
  const [dialog, setDialog] = useState<{ kind: 'leave'; leave: Leave } | { kind: 'session'; id: number } | { kind: 'export' }>();
  const readOnly = target.status === 'archived';
  const data = summary.data;

  if (data && data.sessions === 0) {
    return <Empty description={t('attendancePage.noSessions')} />;
  }

  return (
    <Flex vertical gap={16}>
      <Flex gap={48} align="center" wrap>
        <Statistic title={t('attendancePage.classRate')} value={percent(data?.classRate ?? null)} />
        <Statistic
          title={t('attendancePage.recordedTitle')}
          value={data ? t('attendancePage.recorded', { recorded: data.recorded, sessions: data.sessions }) : '—'}
        />
        <Flex gap={8} style={{ marginInlineStart: 'auto' }} wrap>
          <Select
            style={{ width: 360 }}
            placeholder={t('attendancePage.take')}
            aria-label={t('attendancePage.take')}
            value={null}
            onChange={(id: number) => setDialog({ kind: 'session', id })}
            showSearch={{ optionFilterProp: 'label' }}
            options={sortSessions(sessions.data ?? []).map((session) => ({
              value: session.id,
              label: `${dayLabel(session.date, t('schedulePage.dayFormat'))} ${timeRange(session)} ${session.title}`,
            }))}
          />
          <Button icon={<DownloadOutlined />} onClick={() => setDialog({ kind: 'export' })}>
            {t('attendancePage.export')}
          </Button>
        </Flex>
      </Flex>
      {summary.error && <Alert type="error" showIcon title={summary.error.message} />}
      <Table
        rowKey="enrolmentId"
        size="small"
        data-testid="attendance-summary"
        loading={summary.loading && !data}
        dataSource={data?.trainees ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { key: 'name', title: t('fields.personName'), dataIndex: 'name', width: 100 },
          { key: 'expected', title: t('attendancePage.expected'), dataIndex: 'expected', width: 80 },
          { key: 'present', title: t('attendancePage.statuses.present'), dataIndex: 'present', width: 70 },
          { key: 'late', title: t('attendancePage.statuses.late'), dataIndex: 'late', width: 70 },
          { key: 'leave', title: t('attendancePage.statuses.leave'), dataIndex: 'leave', width: 70 },
          { key: 'absent', title: t('attendancePage.statuses.absent'), dataIndex: 'absent', width: 70 },
          {
            key: 'rate',
            title: t('attendancePage.rate'),
            width: 90,
            render: (_, row) => (
              <Typography.Text type={row.rate !== null && row.rate < 0.9 ? 'danger' : undefined}>
                {percent(row.rate)}
              </Typography.Text>
            ),
          },
          {
            key: 'actions',
            title: '',
            width: 100,
            render: (_, row) =>
              !readOnly && (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setDialog({ kind: 'leave', leave: { enrolmentId: row.enrolmentId, name: row.name } })}
                >
                  {t('attendancePage.leaveRequest')}
                </Button>
              ),
          },
        ]}
      />
      {dialog?.kind === 'leave' && <LeaveModal target={target} leave={dialog.leave} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'session' && (
        <AttendanceDrawer sessionId={dialog.id} readOnly={readOnly} onClose={() => setDialog(undefined)} />
      )}
      {dialog?.kind === 'export' && (
        <ExportDialog
          title={t('attendancePage.export')}
          onClose={() => setDialog(undefined)}
          request={() => ({
            fileName: fileNameOf(t('attendance.titleSheet', { title: classTitle(target) }), 'xlsx'),
            format: 'xlsx',
            start: (grant, jobId) => api.attendance.export({ classId: target.id, grant, jobId }),
          })}
        >
          <Typography.Paragraph>{t('attendancePage.exportHelp')}</Typography.Paragraph>
        </ExportDialog>
      )}
    </Flex>
  );
};
