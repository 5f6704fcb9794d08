import { ArrowLeftOutlined, CopyOutlined, DeleteOutlined, EditOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Steps, Tabs, type TabsProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { classStatuses, type TrainingClass } from '../../../../shared/classes/schemas';
import { chineseDate, chineseWeekday, daysBetween } from '../../../../shared/dates';
import { api } from '../../api';
import { useQuery } from '../../app/use-query';
import { PageState } from '../../components/PageState';
import { AttendanceTab } from '../attendance/AttendanceTab';
import { CheckinTab } from '../checkin/CheckinTab';
import { CheckinFigures } from '../checkin/CheckinFigures';
import { LodgingTab } from '../lodging/LodgingTab';
import { ReportsTab } from '../reports/ReportsTab';
import { SurveysTab } from '../surveys/SurveysTab';
import { ClosingTab } from '../lifecycle/ClosingTab';
import { RosterTab } from '../roster/RosterTab';
import { ScheduleTab } from '../schedule/ScheduleTab';
import { SeatingTab } from '../seating/SeatingTab';
import { TeamCard } from '../staff/TeamCard';
import { ClassFormModal } from './ClassFormModal';
import { HandbookButton } from '../lifecycle/HandbookButton';
import { CopyClassModal } from '../lifecycle/CopyClassModal';
import { StatusTag, statusActions } from './status';
import { useClassActions } from './use-class-actions';
import { useRememberOpened } from '../../app/recent';

const flow = classStatuses;

const Overview = ({ value }: { value: TrainingClass }) => {
  const { t } = useTranslation();
  const longDate = (iso: string) => t('documents.dayHeading', { date: chineseDate(iso), weekday: chineseWeekday(iso) });
  const goals = value.goals
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const days = daysBetween(value.startDate, value.endDate) + 1;
  return (
    <Space orientation="vertical" size={24} style={{ width: '100%' }}>
      <Descriptions bordered size="middle" column={2} title={t('classes.detail.facts')} data-testid="class-facts">
        <Descriptions.Item label={t('fields.code')}>{value.code}</Descriptions.Item>
        <Descriptions.Item label={t('fields.category')}>{value.category}</Descriptions.Item>
        <Descriptions.Item label={t('fields.year')}>{value.year}</Descriptions.Item>
        <Descriptions.Item label={t('fields.plannedSize')}>
          {value.plannedSize === null ? '—' : t('common.people', { count: value.plannedSize })}
        </Descriptions.Item>
        <Descriptions.Item label={t('classes.columns.dates')} span={2}>
          {longDate(value.startDate)} {t('common.to')} {longDate(value.endDate)}
          {t('common.comma')}
          {t('common.days', { count: days })}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.location')} span={2}>
          {value.location || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.sponsor')}>{value.sponsor || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.headTeacher')}>{value.headTeacher || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.notes')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{value.notes || '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Title level={5}>{t('classes.detail.goals')}</Typography.Title>
        {goals.length === 0 ? (
          <Typography.Text type="secondary">{t('classes.detail.noGoals')}</Typography.Text>
        ) : (
          <ol style={{ paddingInlineStart: 24, margin: 0, lineHeight: 2 }} data-testid="class-goals">
            {goals.map((goal, index) => (
              <li key={index}>{goal}</li>
            ))}
          </ol>
        )}
      </div>
      <CheckinFigures classId={value.id} />
      <TeamCard classId={value.id} readOnly={value.status === 'archived'} />
      <div>
        <Typography.Title level={5}>{t('handbookPage.documents')}</Typography.Title>
        <HandbookButton target={value} />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('classes.detail.created', { at: new Date(value.createdAt).toLocaleString() })} ·{' '}
        {t('classes.detail.updated', { at: new Date(value.updatedAt).toLocaleString() })}
      </Typography.Text>
    </Space>
  );
};

export const ClassDetailPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const actions = useClassActions();
  const { id = '' } = useParams();
  const [dialog, setDialog] = useState<'edit' | 'copy'>();
  // The open tab is part of the address, so "back" from a trainee returns to the roster.
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'overview';
  const found = useQuery(() => api.classes.get({ ref: Number(id) }), `class:${id}`);
  const value = found.data;

  useRememberOpened(value && { kind: 'class', id: value.id, title: value.name, detail: [value.code], parentId: null });

  if (!value) return <PageState error={found.error} backTo="/classes" />;

  const archived = value.status === 'archived';
  // More tabs join this list as their features land.
  const tabs: TabsProps['items'] = [
    { key: 'overview', label: t('classes.detail.overview'), children: <Overview value={value} /> },
    { key: 'roster', label: t('roster.tab'), children: <RosterTab target={value} /> },
    { key: 'seating', label: t('seatingPage.tab'), children: <SeatingTab target={value} /> },
    { key: 'checkin', label: t('checkinPage.tab'), children: <CheckinTab target={value} /> },
    { key: 'schedule', label: t('schedulePage.tab'), children: <ScheduleTab target={value} /> },
    { key: 'attendance', label: t('attendancePage.tab'), children: <AttendanceTab target={value} /> },
    { key: 'lodging', label: t('lodgingPage.tab'), children: <LodgingTab target={value} /> },
    { key: 'reports', label: t('reportsPage.tab'), children: <ReportsTab target={value} /> },
    { key: 'surveys', label: t('surveysPage.tab'), children: <SurveysTab target={value} /> },
    { key: 'closing', label: t('closingPage.tab'), children: <ClosingTab target={value} /> },
  ];

  return (
    <Card
      title={
        <Space size={12} wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} onClick={() => navigate(-1)} />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="class-title">
            {value.name}
          </Typography.Title>
          <StatusTag status={value.status} />
        </Space>
      }
      extra={
        <Space wrap>
          {statusActions[value.status].map((action, index) => (
            <Button
              key={action.to}
              type={index === 0 ? 'primary' : 'default'}
              ghost={index === 0}
              onClick={() => actions.changeStatus(value, action.to)}
            >
              {t(action.label)}
            </Button>
          ))}
          {archived && (
            <Button icon={<UnlockOutlined />} onClick={() => actions.unarchive(value)}>
              {t('classes.status.unarchive')}
            </Button>
          )}
          <Button icon={<EditOutlined />} disabled={archived} onClick={() => setDialog('edit')}>
            {t('common.edit')}
          </Button>
          <Button icon={<CopyOutlined />} onClick={() => setDialog('copy')}>
            {t('classes.actions.copy')}
          </Button>
          <Button
            danger
            icon={<DeleteOutlined />}
            disabled={archived}
            onClick={() => actions.remove(value, () => navigate('/classes'))}
          >
            {t('common.delete')}
          </Button>
        </Space>
      }
    >
      <Steps
        size="small"
        current={flow.indexOf(value.status)}
        items={flow.map((status) => ({ title: t(`status.${status}`) }))}
        style={{ maxWidth: 640, marginBottom: 24 }}
      />
      {archived && <Alert type="warning" showIcon title={t('classes.detail.archivedNotice')} style={{ marginBottom: 24 }} />}
      {tabs.length > 1 ? (
        <Tabs items={tabs} activeKey={tab} onChange={(key) => setParams({ tab: key }, { replace: true })} />
      ) : (
        tabs[0]?.children
      )}
      {dialog === 'edit' && (
        <ClassFormModal editing={value} onClose={() => setDialog(undefined)} onSaved={() => setDialog(undefined)} />
      )}
      {dialog === 'copy' && (
        <CopyClassModal
          source={value}
          onClose={() => setDialog(undefined)}
          onCopied={(copy) => {
            setDialog(undefined);
            navigate(`/classes/${copy.id}`);
          }}
        />
      )}
    </Card>
  );
};
