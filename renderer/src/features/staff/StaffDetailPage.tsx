import { ArrowLeftOutlined, CalendarOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { StaffDetail } from '../../../../shared/staff/schemas';
import { api } from '../../api';
import { useQuery } from '../../app/use-query';
import { PageState } from '../../components/PageState';
import { ExportDialog } from '../../components/ExportDialog';
import { dayLabel, timeRange } from '../schedule/session-text';
import { StaffFormModal } from './StaffFormModal';
import { fileNameOf } from '../../../../shared/files/schemas';
import { useRememberOpened } from '../../app/recent';

type Teaching = StaffDetail['teaching'][number];

// One person: contact, the project teams they served on, and every session they taught.
export const StaffDetailPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [dialog, setDialog] = useState<'edit' | 'ics'>();
  const found = useQuery(() => api.staff.get({ id: Number(id) }), `staff:${id}`);
  const person = found.data;

  useRememberOpened(
    person && {
      kind: 'staff',
      id: person.id,
      title: person.name,
      detail: person.organisation ? [person.organisation] : [],
      parentId: null,
    },
  );

  if (!person) return <PageState error={found.error} backTo="/staff" />;

  return (
    <Card
      title={
        <Space size={12}>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} onClick={() => navigate(-1)} />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="staff-name">
            {person.name}
          </Typography.Title>
          {person.roles.map((role) => (
            <Tag key={role}>{role}</Tag>
          ))}
        </Space>
      }
      extra={
        <Space>
          <Button icon={<CalendarOutlined />} disabled={person.teaching.length === 0} onClick={() => setDialog('ics')}>
            {t('staffPage.exportIcs')}
          </Button>
          <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
            {t('common.edit')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={24} style={{ width: '100%' }}>
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label={t('staffPage.columns.organisation')}>{person.organisation || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('staffPage.columns.title')}>{person.title || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fields.phone')}>{person.phone || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('staffPage.columns.expertise')}>{person.expertise || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fields.notes')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{person.notes || '—'}</span>
          </Descriptions.Item>
        </Descriptions>
        <div>
          <Typography.Title level={5}>{t('staffPage.teams')}</Typography.Title>
          {person.teams.length === 0 ? (
            <Typography.Text type="secondary">{t('team.empty')}</Typography.Text>
          ) : (
            <Space wrap>
              {person.teams.map((team) => (
                <Link key={`${team.classId}:${team.role}`} to={`/classes/${team.classId}`}>
                  <Tag color="blue">
                    {team.className} · {team.role}
                  </Tag>
                </Link>
              ))}
            </Space>
          )}
        </div>
        <div>
          <Typography.Title level={5}>{t('staffPage.teaching')}</Typography.Title>
          {person.teaching.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staffPage.noTeaching')} />
          ) : (
            <Table<Teaching>
              rowKey="sessionId"
              size="small"
              data-testid="staff-teaching"
              dataSource={person.teaching}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                {
                  key: 'date',
                  title: t('schedulePage.form.date'),
                  width: 220,
                  render: (_, row) => `${dayLabel(row.date, t('schedulePage.longDayFormat'))} ${timeRange(row)}`,
                },
                { key: 'title', title: t('schedulePage.form.title'), dataIndex: 'title' },
                { key: 'format', title: t('schedulePage.form.format'), dataIndex: 'format', width: 100 },
                { key: 'place', title: t('schedulePage.form.place'), dataIndex: 'place', width: 160, ellipsis: true },
                {
                  key: 'class',
                  title: t('nav.classes'),
                  render: (_, row) => <Link to={`/classes/${row.classId}?tab=schedule`}>{row.className}</Link>,
                },
              ]}
            />
          )}
        </div>
      </Space>
      {dialog === 'edit' && <StaffFormModal editing={person} onClose={() => setDialog(undefined)} />}
      {dialog === 'ics' && (
        <ExportDialog
          title={t('staffPage.exportIcs')}
          onClose={() => setDialog(undefined)}
          request={() => ({
            fileName: fileNameOf(t('schedule.titleTeacher', { name: person.name }), 'ics'),
            format: 'ics',
            start: (grant, jobId) => api.schedule.export({ teacherId: person.id, format: 'ics', grant, jobId }),
          })}
        >
          <Typography.Paragraph>{t('staffPage.icsHelp', { count: person.teaching.length })}</Typography.Paragraph>
        </ExportDialog>
      )}
    </Card>
  );
};
