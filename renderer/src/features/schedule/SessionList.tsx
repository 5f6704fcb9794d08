import { ExclamationCircleFilled, MoreOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../shared/schedule/schemas';
import { dayLabel, type Flag, moduleColor, timeRange } from './session-text';
import { actionsFor, type MenuAt, type SessionAction } from './session-actions';

// The whole schedule as one table, in date order: what the printed 课程安排表 will show.
export const SessionList = ({
  sessions,
  flags,
  modules,
  readOnly,
  onAction,
  onMenu,
}: {
  sessions: readonly Session[];
  flags: ReadonlyMap<number, Flag>;
  modules: readonly string[];
  readOnly: boolean;
  onAction: (action: SessionAction, session: Session) => void;
  onMenu: (at: MenuAt) => void;
}) => {
  const { t } = useTranslation();
  const actions = actionsFor(readOnly);
  return (
    <Table<Session>
      rowKey="id"
      size="small"
      data-testid="session-list"
      dataSource={[...sessions]}
      pagination={false}
      // Only the rows in view are drawn: a long class has a few hundred sessions.
      virtual
      scroll={{ x: 1000, y: 600 }}
      columns={[
        {
          key: 'date',
          title: t('schedulePage.form.date'),
          width: 120,
          render: (_, session) =>
            `${dayLabel(session.date, t('schedulePage.dayFormat'))} ${dayLabel(session.date, t('schedulePage.weekdayFormat'))}`,
        },
        {
          key: 'time',
          title: t('schedulePage.form.time'),
          width: 140,
          render: (_, session) => (
            <Space size={6}>
              {timeRange(session)}
              <span style={{ color: '#98a2b3' }}>{t(`schedulePage.slots.${session.slot}`)}</span>
              {flags.get(session.id) === 'error' && (
                <ExclamationCircleFilled style={{ color: '#cf1322' }} aria-label={t('schedulePage.error')} />
              )}
              {flags.get(session.id) === 'warning' && (
                <WarningFilled style={{ color: '#d46b08' }} aria-label={t('schedulePage.warning')} />
              )}
            </Space>
          ),
        },
        {
          key: 'title',
          title: t('schedulePage.form.title'),
          render: (_, session) => (
            <>
              <div>{session.title}</div>
              {session.module && (
                <Tag color={moduleColor(session.module, modules)} style={{ marginTop: 2 }}>
                  {session.module}
                </Tag>
              )}
            </>
          ),
        },
        { key: 'format', title: t('schedulePage.form.format'), dataIndex: 'format', width: 90 },
        {
          key: 'teachers',
          title: t('schedulePage.form.teachers'),
          width: 110,
          render: (_, session) => session.teachers.map((teacher) => teacher.name).join(t('text.list')),
        },
        { key: 'place', title: t('schedulePage.form.place'), dataIndex: 'place', width: 150, ellipsis: true },
        {
          key: 'groups',
          title: t('schedulePage.form.groups'),
          width: 80,
          render: (_, session) =>
            session.groups.length === 0
              ? t('schedulePage.form.wholeClass')
              : t('schedulePage.groupsShort', { groups: session.groups.join(t('text.list')) }),
        },
        {
          key: 'actions',
          title: '',
          width: 150,
          // Always in view: the table scrolls sideways on a 1280 px screen.
          fixed: 'right',
          render: (_, session) => (
            <Space size={0}>
              {actions.slice(0, 2).map((action) => (
                <Button key={action} type="link" size="small" onClick={() => onAction(action, session)}>
                  {t(`schedulePage.actions.${action}`)}
                </Button>
              ))}
              {actions.length > 2 && (
                <Button
                  type="link"
                  size="small"
                  icon={<MoreOutlined />}
                  aria-label={t('schedulePage.more', { title: session.title })}
                  onClick={(event) => {
                    const box = event.currentTarget.getBoundingClientRect();
                    onMenu({ session, x: box.left, y: box.bottom });
                  }}
                />
              )}
            </Space>
          ),
        },
      ]}
    />
  );
};
