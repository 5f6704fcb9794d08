import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Input, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { dayLabel, timeRange } from '../schedule/session-text';
import { type AttendanceStatus, attendanceStatuses } from '../../../../shared/attendance/schemas';

type Mark = { status: AttendanceStatus | null; reason: string };

// The sign-in of one session: usually "all present", then the few exceptions marked by hand.
export const AttendanceDrawer = ({
  sessionId,
  readOnly,
  onClose,
}: {
  sessionId: number;
  readOnly: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const loaded = useQuery(() => api.attendance.session({ sessionId }), `attendance:${sessionId}`);
  // Changes not yet saved, by enrolment; everything else shows what is stored.
  const [edits, setEdits] = useState<Map<number, Mark>>(new Map());
  const [saving, setSaving] = useState(false);
  const data = loaded.data;
  const markOf = (row: { enrolmentId: number; status: AttendanceStatus | null; reason: string }): Mark =>
    edits.get(row.enrolmentId) ?? { status: row.status, reason: row.reason };
  const edit = (enrolmentId: number, mark: Mark) => setEdits(new Map(edits).set(enrolmentId, mark));

  const allPresent = async () => {
    const result = await api.attendance.allPresent({ sessionId });
    if (!result.ok) return message.error(errorText(result.error));
    setEdits(new Map());
  };

  const save = async () => {
    if (!data) return;
    const marks = data.rows
      .map((row) => ({ enrolmentId: row.enrolmentId, ...markOf(row) }))
      .filter((mark): mark is { enrolmentId: number; status: AttendanceStatus; reason: string } => mark.status !== null);
    setSaving(true);
    const result = await api.attendance.record({ sessionId, marks });
    setSaving(false);
    if (!result.ok) return message.error(errorText(result.error));
    setEdits(new Map());
    message.success(t('attendancePage.saved'));
  };

  const counts = Object.fromEntries(attendanceStatuses.map((status) => [status, 0])) as Record<AttendanceStatus, number>;
  let missing = 0;
  for (const row of data?.rows ?? []) {
    const status = markOf(row).status;
    if (status) counts[status] += 1;
    else missing += 1;
  }

  return (
    <Drawer
      open
      size="large"
      onClose={onClose}
      title={data ? t('attendancePage.drawerTitle', { title: data.session.title }) : t('attendancePage.tab')}
      extra={
        !readOnly && (
          <Space>
            <Button icon={<CheckOutlined />} onClick={() => void allPresent()} disabled={!data}>
              {t('attendancePage.allPresent')}
            </Button>
            <Button type="primary" onClick={() => void save()} loading={saving} disabled={edits.size === 0}>
              {t('common.save')}
            </Button>
          </Space>
        )
      }
      data-testid="attendance-drawer"
    >
      {data && (
        <>
          <Typography.Paragraph type="secondary">
            {dayLabel(data.session.date, t('schedulePage.dayFormat'))}{' '}
            {dayLabel(data.session.date, t('schedulePage.weekdayFormat'))} {timeRange(data.session)}
            {data.session.place ? ` · ${data.session.place}` : ''}
          </Typography.Paragraph>
          <Typography.Paragraph data-testid="attendance-counts">
            {attendanceStatuses.map((status) => `${t(`attendancePage.statuses.${status}`)} ${counts[status]}`).join(' · ')}
            {missing > 0 ? ` · ${t('attendancePage.notTaken')} ${missing}` : ''}
          </Typography.Paragraph>
          <Table
            rowKey="enrolmentId"
            size="small"
            pagination={false}
            dataSource={data.rows}
            columns={[
              { key: 'name', title: t('fields.personName'), dataIndex: 'name', width: 90 },
              { key: 'unit', title: t('fields.unit'), dataIndex: 'unit', ellipsis: true },
              {
                key: 'group',
                title: t('fields.group'),
                width: 60,
                render: (_, row) => (row.group === null ? '' : row.group),
              },
              {
                key: 'status',
                title: t('fields.status'),
                width: 250,
                render: (_, row) => (
                  <Radio.Group
                    size="small"
                    optionType="button"
                    disabled={readOnly}
                    value={markOf(row).status}
                    onChange={(event) => edit(row.enrolmentId, { ...markOf(row), status: event.target.value })}
                    options={attendanceStatuses.map((status) => ({
                      value: status,
                      label: t(`attendancePage.statuses.${status}`),
                    }))}
                    aria-label={`${row.name} ${t('fields.status')}`}
                  />
                ),
              },
              {
                key: 'reason',
                title: t('attendancePage.reason'),
                width: 180,
                render: (_, row) => {
                  const mark = markOf(row);
                  return mark.status && mark.status !== 'present' ? (
                    <Input
                      size="small"
                      maxLength={200}
                      disabled={readOnly}
                      value={mark.reason}
                      onChange={(event) => edit(row.enrolmentId, { ...mark, reason: event.target.value })}
                      aria-label={`${row.name} ${t('attendancePage.reason')}`}
                    />
                  ) : null;
                },
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
};
