import {
  BarChartOutlined,
  CopyOutlined,
  DownloadOutlined,
  LeftOutlined,
  PlusOutlined,
  RightOutlined,
  SafetyCertificateOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Badge, Button, Drawer, Empty, Flex, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import { addDays, daysBetween, mondayOf } from '../../../../shared/dates';
import { minutesOf, type Session, sessionFieldsOf, type Slot, slotDefaults } from '../../../../shared/schedule/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { useHotkey } from '../../components/use-hotkey';
import { AttendanceDrawer } from '../attendance/AttendanceDrawer';
import { ExportModal } from '../roster/ExportModal';
import { BalanceModal } from './BalanceModal';
import { ConflictList } from './ConflictList';
import { CopyScheduleModal } from './CopyScheduleModal';
import { ScheduleExportModal } from './ScheduleExportModal';
import { ScheduleImportModal } from './ScheduleImportModal';
import { dayLabel, flagsOf, sortSessions } from './session-text';
import { SessionFormModal, type SessionDraft } from './SessionFormModal';
import { SessionList } from './SessionList';
import { actionsFor, type MenuAt, type SessionAction, SessionMenu } from './session-actions';
import { WeekGrid } from './WeekGrid';

type Dialog =
  | { kind: 'session'; draft: SessionDraft }
  | { kind: 'attendance'; sessionId: number }
  | { kind: 'signin'; session: Session }
  | { kind: 'conflicts' }
  | { kind: 'balance' }
  | { kind: 'copy' }
  | { kind: 'import' }
  | { kind: 'export' }
  | undefined;

// Moving to another half-day keeps the length; to the same half-day of another date, the times.
const movedTimes = (session: Session, slot: Slot) => {
  if (session.slot === slot) return { start: session.start, end: session.end };
  const length = minutesOf(session.end) - minutesOf(session.start);
  const start = slotDefaults[slot].start;
  const end = Math.min(minutesOf(start) + length, 23 * 60 + 59);
  return { start, end: `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}` };
};

export const ScheduleTab = ({ target }: { target: TrainingClass }) => {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { errorText } = useErrorText();
  const [view, setView] = useState<'week' | 'list'>('week');
  const [monday, setMonday] = useState(() => mondayOf(target.startDate));
  const [dialog, setDialog] = useState<Dialog>();
  const [menu, setMenu] = useState<MenuAt>();
  const readOnly = target.status === 'archived';
  const list = useQuery(() => api.schedule.list({ classId: target.id }), `schedule:${target.id}`);
  const conflicts = useQuery(() => api.schedule.conflicts({ classId: target.id }), `conflicts:${target.id}`);
  const modules = useQuery(() => api.vocab.get({ kind: 'module' }), 'vocab:module');
  const roster = useQuery(() => api.roster.list({ classId: target.id }), `roster-groups:${target.id}`);
  const sessions = sortSessions(list.data ?? []);
  const flags = flagsOf(conflicts.data ?? []);
  const open = (conflicts.data ?? []).filter((c) => c.severity === 'error' || c.accepted === null);
  const places = [...new Set(sessions.map((session) => session.place).filter(Boolean))];

  // The weeks one can page through: the class's, and any session that lies outside them.
  const first = mondayOf([target.startDate, ...sessions.map((s) => s.date)].sort()[0] ?? target.startDate);
  const last = mondayOf([target.endDate, ...sessions.map((s) => s.date)].sort().at(-1) ?? target.endDate);
  const weekNumber = Math.floor(daysBetween(first, monday) / 7) + 1;
  const weekCount = Math.floor(daysBetween(first, last) / 7) + 1;
  const thisWeek = sessions.filter((session) => session.date >= monday && session.date <= addDays(monday, 6));
  const step = (by: number) => {
    const next = addDays(monday, by * 7);
    if (next >= first && next <= last) setMonday(next);
  };
  useHotkey('alt+ArrowLeft', () => step(-1));
  useHotkey('alt+ArrowRight', () => step(1));

  const remove = (session: Session) =>
    modal.confirm({
      title: t('schedulePage.form.removeConfirm', { title: session.title }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await api.schedule.remove({ sessionId: session.id });
        if (result.ok) message.success(t('schedulePage.form.removed', { title: session.title }));
        else message.error(errorText(result.error));
      },
    });

  const move = async (session: Session, date: string, slot: Slot) => {
    const result = await api.schedule.save({
      classId: target.id,
      sessionId: session.id,
      session: { ...sessionFieldsOf(session), date, ...movedTimes(session, slot) },
      accept: [],
    });
    if (result.ok) message.success(t('schedulePage.moved', { title: session.title }));
    // A move that clashes opens the form, where the clash is shown and can be resolved.
    else
      setDialog({
        kind: 'session',
        draft: { mode: 'edit', session: { ...session, date, slot, ...movedTimes(session, slot) } },
      });
  };

  const act = (action: SessionAction, session: Session) => {
    if (action === 'edit') setDialog({ kind: 'session', draft: { mode: 'edit', session } });
    if (action === 'duplicate') setDialog({ kind: 'session', draft: { mode: 'duplicate', session } });
    if (action === 'attendance') setDialog({ kind: 'attendance', sessionId: session.id });
    if (action === 'signin') setDialog({ kind: 'signin', session });
    if (action === 'delete') remove(session);
  };
  const openById = (sessionId: number) => {
    const session = sessions.find((candidate) => candidate.id === sessionId);
    if (session) act(readOnly ? 'attendance' : 'edit', session);
  };

  const add = (date: string, slot: Slot) => setDialog({ kind: 'session', draft: { mode: 'add', date, slot } });
  const firstFreeDay = thisWeek.length === 0 && monday < target.startDate ? target.startDate : monday;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Segmented<'week' | 'list'>
            value={view}
            onChange={(next) => setView(next)}
            options={[
              { value: 'week', label: t('schedulePage.week') },
              { value: 'list', label: t('schedulePage.list') },
            ]}
          />
          {view === 'week' && (
            <Space size={4}>
              <Button
                icon={<LeftOutlined />}
                onClick={() => step(-1)}
                disabled={monday <= first}
                aria-label={t('schedulePage.prevWeek')}
                title={t('common.shortcut', { keys: 'Alt+←' })}
              />
              <Typography.Text
                strong
                data-testid="week-label"
                style={{ minWidth: 220, textAlign: 'center', display: 'inline-block' }}
              >
                <span style={{ marginInlineEnd: 12 }}>{t('schedulePage.weekN', { n: weekNumber, count: weekCount })}</span>
                {t('schedulePage.weekOf', {
                  from: dayLabel(monday, t('schedulePage.dayFormat')),
                  to: dayLabel(addDays(monday, 6), t('schedulePage.dayFormat')),
                })}
              </Typography.Text>
              <Button
                icon={<RightOutlined />}
                onClick={() => step(1)}
                disabled={monday >= last}
                aria-label={t('schedulePage.nextWeek')}
                title={t('common.shortcut', { keys: 'Alt+→' })}
              />
            </Space>
          )}
          <Typography.Text type="secondary" data-testid="schedule-total">
            {t('schedulePage.totalHours', {
              count: sessions.length,
              hours: Math.round(sessions.reduce((sum, s) => sum + (minutesOf(s.end) - minutesOf(s.start)) / 60, 0) * 10) / 10,
            })}
          </Typography.Text>
        </Space>
        <Space wrap>
          {!readOnly && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => add(firstFreeDay, 'morning')}>
              {t('schedulePage.add')}
            </Button>
          )}
          <Badge count={open.length} size="small">
            <Button icon={<SafetyCertificateOutlined />} onClick={() => setDialog({ kind: 'conflicts' })}>
              {t('schedulePage.conflicts')}
            </Button>
          </Badge>
          <Button icon={<BarChartOutlined />} onClick={() => setDialog({ kind: 'balance' })}>
            {t('schedulePage.balance')}
          </Button>
          {!readOnly && (
            <Button icon={<CopyOutlined />} onClick={() => setDialog({ kind: 'copy' })}>
              {t('schedulePage.copyFrom')}
            </Button>
          )}
          {!readOnly && (
            <Button icon={<UploadOutlined />} onClick={() => setDialog({ kind: 'import' })}>
              {t('schedulePage.importFrom')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => setDialog({ kind: 'export' })} disabled={sessions.length === 0}>
            {t('schedulePage.export')}
          </Button>
        </Space>
      </Flex>
      {view === 'week' ? (
        <>
          <WeekGrid
            target={target}
            monday={monday}
            sessions={thisWeek}
            flags={flags}
            modules={modules.data ?? []}
            readOnly={readOnly}
            onAdd={add}
            onAction={act}
            onMove={(session, date, slot) => void move(session, date, slot)}
            onMenu={setMenu}
          />
          {sessions.length === 0 && list.data && (
            <Typography.Text type="secondary">{t('schedulePage.emptyHint')}</Typography.Text>
          )}
        </>
      ) : sessions.length === 0 ? (
        <Empty description={t('schedulePage.empty')} />
      ) : (
        <SessionList
          sessions={sessions}
          flags={flags}
          modules={modules.data ?? []}
          readOnly={readOnly}
          onAction={act}
          onMenu={setMenu}
        />
      )}

      <SessionMenu at={menu} actions={actionsFor(readOnly)} onAction={act} onClose={() => setMenu(undefined)} />
      {dialog?.kind === 'session' && (
        <SessionFormModal
          target={target}
          draft={dialog.draft}
          places={places}
          groups={roster.data?.groups ?? []}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'attendance' && (
        <AttendanceDrawer sessionId={dialog.sessionId} readOnly={readOnly} onClose={() => setDialog(undefined)} />
      )}
      {dialog?.kind === 'signin' && (
        <ExportModal target={target} sort="stroke" session={dialog.session} onClose={() => setDialog(undefined)} />
      )}
      {dialog?.kind === 'conflicts' && (
        <Drawer open size="large" title={t('schedulePage.conflictList')} onClose={() => setDialog(undefined)}>
          {(conflicts.data ?? []).length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('schedulePage.noConflicts')} />
          ) : (
            <ConflictList conflicts={conflicts.data ?? []} classId={target.id} onOpen={openById} />
          )}
        </Drawer>
      )}
      {dialog?.kind === 'balance' && (
        <BalanceModal classId={target.id} sessionCount={sessions.length} onClose={() => setDialog(undefined)} />
      )}
      {dialog?.kind === 'copy' && (
        <CopyScheduleModal target={target} hasSessions={sessions.length > 0} onClose={() => setDialog(undefined)} />
      )}
      {dialog?.kind === 'export' && <ScheduleExportModal target={target} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'import' && <ScheduleImportModal target={target} onClose={() => setDialog(undefined)} />}
    </Flex>
  );
};
