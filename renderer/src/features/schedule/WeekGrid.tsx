import { ExclamationCircleFilled, MoreOutlined, PlusOutlined, WarningFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import { addDays } from '../../../../shared/dates';
import { type Session, type Slot, slots } from '../../../../shared/schedule/schemas';
import type { MenuAt, SessionAction } from './session-actions';
import { dayLabel, type Flag, moduleColor, timeRange } from './session-text';
import './week-grid.css';

type Props = {
  target: TrainingClass;
  monday: string;
  sessions: readonly Session[];
  flags: ReadonlyMap<number, Flag>;
  modules: readonly string[];
  readOnly: boolean;
  onAdd: (date: string, slot: Slot) => void;
  onAction: (action: SessionAction, session: Session) => void;
  onMove: (session: Session, date: string, slot: Slot) => void;
  onMenu: (at: MenuAt) => void;
};

const dragType = 'application/x-cadre-session';
const oneLine = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

const SessionCard = ({
  session,
  flag,
  color,
  readOnly,
  onAction,
  onMenu,
}: {
  session: Session;
  flag: Flag | undefined;
  color: string;
  readOnly: boolean;
  onAction: Props['onAction'];
  onMenu: Props['onMenu'];
}) => {
  const { t } = useTranslation();
  const open = () => onAction(readOnly ? 'attendance' : 'edit', session);
  return (
    <div
      role="button"
      tabIndex={0}
      draggable={!readOnly}
      data-testid="session-card"
      data-session-id={session.id}
      data-flag={flag ?? ''}
      onClick={(event) => {
        event.stopPropagation();
        open();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') open();
        if (event.key === 'Delete' && !readOnly) onAction('delete', session);
      }}
      onContextMenu={(event) => {
        event.preventDefault();
        event.stopPropagation();
        onMenu({ session, x: event.clientX, y: event.clientY });
      }}
      onDragStart={(event) => {
        event.dataTransfer.setData(dragType, String(session.id));
        event.dataTransfer.effectAllowed = 'move';
      }}
      className="session-card"
      aria-label={`${timeRange(session)} ${session.title}`}
      title={[
        `${timeRange(session)} ${session.title}`,
        session.module,
        session.teachers.map((teacher) => teacher.name).join(t('text.list')),
        session.place,
      ]
        .filter(Boolean)
        .join('\n')}
      style={{
        position: 'relative',
        background: flag === 'error' ? '#fff1f0' : '#fff',
        border: `1px solid ${flag === 'error' ? '#ffa39e' : flag === 'warning' ? '#ffd591' : '#e4e7ec'}`,
        borderLeft: `4px solid ${color}`,
        borderRadius: 4,
        // Room on the right for the ⋯ button beside the first line only (see week-grid.css).
        padding: '4px 6px 4px 8px',
        cursor: 'pointer',
        fontSize: 12,
        lineHeight: 1.5,
      }}
    >
      <div style={{ color: '#667085', paddingInlineEnd: 18 }}>
        {timeRange(session)}
        {flag === 'error' && (
          <ExclamationCircleFilled style={{ color: '#cf1322', marginInlineStart: 6 }} aria-label={t('schedulePage.error')} />
        )}
        {flag === 'warning' && (
          <WarningFilled style={{ color: '#d46b08', marginInlineStart: 6 }} aria-label={t('schedulePage.warning')} />
        )}
      </div>
      <div
        style={{
          fontWeight: 600,
          fontSize: 13,
          color: '#1f2937',
          display: '-webkit-box',
          WebkitLineClamp: 2,
          WebkitBoxOrient: 'vertical',
          overflow: 'hidden',
        }}
      >
        {session.title}
      </div>
      {session.teachers.length > 0 && (
        <div style={{ ...oneLine, color: '#344054' }}>{session.teachers.map((teacher) => teacher.name).join(t('text.list'))}</div>
      )}
      {session.format && <div style={{ ...oneLine, color: '#667085' }}>{session.format}</div>}
      {/* Where it is held, whole: on a 现场教学 card the teaching point is what the card is for. */}
      {session.place && <div className="session-card-place">{session.place}</div>}
      {session.groups.length > 0 && (
        <div style={{ color: '#667085' }}>{t('schedulePage.groupsShort', { groups: session.groups.join(t('text.list')) })}</div>
      )}
      <button
        type="button"
        className="card-more"
        aria-label={t('schedulePage.more', { title: session.title })}
        onClick={(event) => {
          event.stopPropagation();
          const box = event.currentTarget.getBoundingClientRect();
          onMenu({ session, x: box.left, y: box.bottom });
        }}
      >
        <MoreOutlined />
      </button>
    </div>
  );
};

// One week of the class: seven days across, 上午 / 下午 / 晚上 down. An empty half-day is where a
// session is added; a card is dragged to another half-day to move it.
export const WeekGrid = ({ target, monday, sessions, flags, modules, readOnly, onAdd, onAction, onMove, onMenu }: Props) => {
  const { t } = useTranslation();
  const [over, setOver] = useState<string>();
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const cells = new Map<string, Session[]>();
  for (const session of sessions) {
    const key = `${session.date}|${session.slot}`;
    cells.set(key, [...(cells.get(key) ?? []), session]);
  }
  const inClass = (day: string) => day >= target.startDate && day <= target.endDate;
  const drop = (event: DragEvent, day: string, slot: Slot) => {
    event.preventDefault();
    setOver(undefined);
    const id = Number(event.dataTransfer.getData(dragType));
    const session = sessions.find((candidate) => candidate.id === id);
    if (session && (session.date !== day || session.slot !== slot)) onMove(session, day, slot);
  };

  return (
    <div
      role="grid"
      aria-label={t('schedulePage.week')}
      data-testid="week-grid"
      style={{
        display: 'grid',
        gridTemplateColumns: '56px repeat(7, minmax(0, 1fr))',
        border: '1px solid #e4e7ec',
        borderRadius: 6,
        overflow: 'hidden',
      }}
    >
      <div style={{ background: '#f7f8fa', borderBottom: '1px solid #e4e7ec' }} />
      {days.map((day) => (
        <div
          key={day}
          role="columnheader"
          style={{
            background: inClass(day) ? '#f0f5ff' : '#f7f8fa',
            borderBottom: '1px solid #e4e7ec',
            borderInlineStart: '1px solid #e4e7ec',
            padding: '6px 8px',
            textAlign: 'center',
          }}
        >
          <div style={{ fontWeight: 600, color: inClass(day) ? '#1d4f91' : '#98a2b3' }}>
            {dayLabel(day, t('schedulePage.dayFormat'))}
          </div>
          <div style={{ fontSize: 12, color: '#667085' }}>{dayLabel(day, t('schedulePage.weekdayFormat'))}</div>
        </div>
      ))}
      {slots.map((slot) => (
        <div key={slot} role="row" style={{ display: 'contents' }}>
          <div
            role="rowheader"
            style={{
              background: '#f7f8fa',
              borderTop: slot === 'morning' ? undefined : '1px solid #e4e7ec',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              fontWeight: 600,
              color: '#475467',
              writingMode: 'vertical-rl',
              letterSpacing: 4,
            }}
          >
            {t(`schedulePage.slots.${slot}`)}
          </div>
          {days.map((day) => {
            const key = `${day}|${slot}`;
            const here = cells.get(key) ?? [];
            const open = inClass(day) && !readOnly;
            const label = `${dayLabel(day, t('schedulePage.dayFormat'))} ${t(`schedulePage.slots.${slot}`)}`;
            return (
              <div
                key={key}
                role="gridcell"
                aria-label={label}
                data-testid={`slot-${day}-${slot}`}
                onClick={() => open && onAdd(day, slot)}
                onDragOver={(event) => {
                  if (!open || !event.dataTransfer.types.includes(dragType)) return;
                  event.preventDefault();
                  setOver(key);
                }}
                onDragLeave={() => setOver(undefined)}
                onDrop={(event) => drop(event, day, slot)}
                style={{
                  minHeight: slot === 'evening' ? 72 : 120,
                  padding: 6,
                  display: 'flex',
                  flexDirection: 'column',
                  gap: 6,
                  borderTop: slot === 'morning' ? undefined : '1px solid #e4e7ec',
                  borderInlineStart: '1px solid #e4e7ec',
                  background:
                    over === key
                      ? '#e6f4ff'
                      : inClass(day)
                        ? '#fff'
                        : 'repeating-linear-gradient(45deg,#fafafa,#fafafa 6px,#f3f4f6 6px,#f3f4f6 12px)',
                  cursor: open ? 'copy' : 'default',
                }}
              >
                {here.map((session) => (
                  <SessionCard
                    key={session.id}
                    session={session}
                    flag={flags.get(session.id)}
                    color={moduleColor(session.module, modules)}
                    readOnly={readOnly}
                    onAction={onAction}
                    onMenu={onMenu}
                  />
                ))}
                {open && (
                  <button
                    type="button"
                    className="slot-add"
                    aria-label={t('schedulePage.addAt', { when: label })}
                    onClick={(event) => {
                      event.stopPropagation();
                      onAdd(day, slot);
                    }}
                    style={{ marginTop: here.length === 0 ? 'auto' : 0 }}
                  >
                    <PlusOutlined />
                  </button>
                )}
                {!inClass(day) && here.length === 0 && slot === 'morning' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('schedulePage.outside')}
                  </Typography.Text>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
};
