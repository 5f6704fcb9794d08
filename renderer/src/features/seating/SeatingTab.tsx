import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Segmented, Select, Space, Tag, Typography } from 'antd';
import { type DragEvent, type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import { localDateTimeOf } from '../../../../shared/dates';
import { rosterSorts, type RosterSort } from '../../../../shared/roster/schemas';
import type { SeatInput, SeatLayout, SeatingView } from '../../../../shared/seating/schemas';
import { rowOrder, seatColumns } from '../../../../shared/seating/layout';
import { chineseNumber } from '../../../../shared/text/chinese-numbers';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { ExportModal } from '../roster/ExportModal';
import { GroupTables } from './GroupTables';
import { groupColour } from './group-colour';
import { type Place, swapSeats } from './swap';

const key = (p: Place) => `${p.row}:${p.seat}`;

// 座次: the classroom as the class sits in it, the 主席台 on its side. A person dragged onto another
// seat trades places with whoever sits there (or takes it, if empty); the same by keyboard: arrows
// to a seat, Enter to pick up, arrows to the target, Enter to put down. Each change is saved at once.
export const SeatingTab = ({ target }: { target: TrainingClass }) => {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { errorText } = useErrorText();
  const view = useQuery(() => api.seating.get({ classId: target.id }), `seating:${target.id}`);
  const [layout, setLayout] = useState<SeatLayout>('rows');
  const [sort, setSort] = useState<RosterSort>('group');
  const [committeeFront, setCommitteeFront] = useState(true);
  const [focus, setFocus] = useState<Place>({ row: 1, seat: 1 });
  const [picked, setPicked] = useState<Place>();
  const [dragging, setDragging] = useState<Place>();
  const [over, setOver] = useState<Place>();
  const [exporting, setExporting] = useState(false);
  const [said, setSaid] = useState('');
  const cells = useRef(new Map<string, HTMLDivElement>());
  const readOnly = target.status === 'archived';
  const data = view.data;

  const byPlace = new Map((data?.seats ?? []).map((s) => [key(s), s.person]));
  const occupant = (p: Place) => byPlace.get(key(p));
  const seatName = (p: Place) => t('seatingPage.seatName', { row: chineseNumber(p.row), seat: chineseNumber(p.seat) });

  const move = async (from: Place, to: Place) => {
    if (!data || readOnly || key(from) === key(to)) return;
    const { seats, mover, other } = swapSeats(data, from, to);
    if (!mover) return;
    const result = await api.seating.save({ classId: target.id, seats: seats satisfies SeatInput[] });
    if (!result.ok) return message.error(errorText(result.error));
    const text = other
      ? t('seatingPage.swapped', { a: mover.name, b: other.name })
      : t('seatingPage.dropped', { name: mover.name, seat: seatName(to) });
    setSaid(text);
    message.success(text);
  };

  const arrange = async () => {
    const result = await api.seating.arrange({ classId: target.id, sort, committeeFront });
    if (!result.ok) return message.error(errorText(result.error));
    message.success(result.value.summary);
  };
  const askArrange = () => {
    if (!data?.plan?.adjusted) return void arrange();
    void modal.confirm({
      title: t('seatingPage.arrangeConfirm'),
      content: t('seatingPage.arrangeConfirmText'),
      okText: t('seatingPage.arrange'),
      okButtonProps: { danger: true },
      onOk: arrange,
    });
  };

  const focusSeat = (p: Place) => {
    setFocus(p);
    cells.current.get(key(p))?.focus();
  };

  const onKey = (event: KeyboardEvent<HTMLDivElement>, p: Place) => {
    if (!data) return;
    // The arrows move as the chart is drawn: seen from the platform, it is turned half round.
    const turn = data.room.podium === 'bottom' ? -1 : 1;
    const steps: Record<string, [number, number]> = {
      ArrowUp: [-turn, 0],
      ArrowDown: [turn, 0],
      ArrowLeft: [0, -turn],
      ArrowRight: [0, turn],
    };
    const step = steps[event.key];
    if (step) {
      event.preventDefault();
      const next = {
        row: Math.min(data.rows, Math.max(1, p.row + step[0])),
        seat: Math.min(data.room.seats, Math.max(1, p.seat + step[1])),
      };
      focusSeat(next);
      return;
    }
    if (event.key === 'Escape' && picked) {
      event.preventDefault();
      setPicked(undefined);
      setSaid('');
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && !readOnly) {
      event.preventDefault();
      if (picked) {
        setPicked(undefined);
        void move(picked, p);
        return;
      }
      const person = occupant(p);
      if (person) {
        setPicked(p);
        setSaid(t('seatingPage.picked', { name: person.name }));
      }
    }
  };

  const onDragStart = (event: DragEvent<HTMLDivElement>, p: Place) => {
    event.dataTransfer.setData('text/plain', key(p));
    event.dataTransfer.effectAllowed = 'move';
    setDragging(p);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>, p: Place) => {
    event.preventDefault();
    const [row, seat] = event.dataTransfer.getData('text/plain').split(':').map(Number);
    const from = row && seat ? { row, seat } : dragging;
    setDragging(undefined);
    setOver(undefined);
    if (from) void move(from, p);
  };

  const seatCell = (p: Place) => {
    const person = occupant(p);
    const isFocus = key(focus) === key(p);
    const isPicked = picked && key(picked) === key(p);
    const isOver = over && key(over) === key(p);
    const colour = person ? groupColour(person.group) : undefined;
    const label = person
      ? t('seatingPage.seatLabel', { seat: seatName(p), name: person.name })
      : t('seatingPage.seatEmpty', { seat: seatName(p) });
    return (
      <div
        key={key(p)}
        ref={(element) => {
          if (element) cells.current.set(key(p), element);
          else cells.current.delete(key(p));
        }}
        role="gridcell"
        aria-label={label}
        aria-selected={isPicked ? true : undefined}
        tabIndex={isFocus ? 0 : -1}
        draggable={!readOnly && person !== undefined}
        onDragStart={(event) => onDragStart(event, p)}
        onDragEnd={() => {
          setDragging(undefined);
          setOver(undefined);
        }}
        onDragOver={(event) => {
          if (readOnly) return;
          event.preventDefault();
          if (!isOver) setOver(p);
        }}
        onDrop={(event) => onDrop(event, p)}
        onFocus={() => setFocus(p)}
        onClick={() => focusSeat(p)}
        onKeyDown={(event) => onKey(event, p)}
        data-testid="seat"
        data-row={p.row}
        data-seat={p.seat}
        data-name={person?.name ?? ''}
        style={{
          width: 92,
          height: 58,
          borderRadius: 6,
          border: person ? `2px solid ${colour?.border}` : '1px dashed #bfbfbf',
          background: isPicked ? '#fff1b8' : isOver ? '#e6f4ff' : person ? colour?.background : '#fafafa',
          outline: isFocus ? '2px solid #1677ff' : undefined,
          outlineOffset: 1,
          cursor: readOnly ? 'default' : person ? 'grab' : 'default',
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          gap: 2,
          padding: 2,
          userSelect: 'none',
          opacity: dragging && key(dragging) === key(p) ? 0.5 : 1,
        }}
      >
        {person ? (
          <>
            <Typography.Text strong style={{ fontSize: 15, whiteSpace: 'nowrap' }}>
              {person.name}
            </Typography.Text>
            {/* One line, cut short with an ellipsis: a long 临时党支部书记 must not push the group off the seat. */}
            <div
              style={{
                display: 'flex',
                gap: 3,
                alignItems: 'center',
                maxWidth: '100%',
                overflow: 'hidden',
                whiteSpace: 'nowrap',
              }}
              title={[person.group === null ? '' : t('documents.groupN', { n: chineseNumber(person.group) }), person.role]
                .filter(Boolean)
                .join(t('text.space'))}
            >
              {person.group !== null && (
                <span style={{ fontSize: 11, color: colour?.text, flex: 'none' }}>
                  {t('documents.groupN', { n: chineseNumber(person.group) })}
                </span>
              )}
              {(person.committee || person.leader) && (
                <Tag
                  color={person.committee ? 'red' : 'blue'}
                  style={{
                    fontSize: 10,
                    lineHeight: '14px',
                    padding: '0 3px',
                    marginInlineEnd: 0,
                    minWidth: 0,
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                  }}
                >
                  {person.role}
                </Tag>
              )}
            </div>
          </>
        ) : null}
      </div>
    );
  };

  const podium = (
    <div
      style={{
        width: '40%',
        minWidth: 240,
        margin: '0 auto',
        textAlign: 'center',
        padding: '6px 0',
        border: '2px solid #595959',
        borderRadius: 6,
        background: '#f0f0f0',
        fontSize: 16,
        letterSpacing: '1em',
        paddingLeft: '1em',
      }}
      data-testid="podium"
    >
      {t('classroomSettings.podiumLabel')}
    </div>
  );

  const grid = (room: SeatingView['room'], rows: number) => {
    const drawn = seatColumns(room);
    const lines = rowOrder(rows, room.podium).map((r) => (
      <Flex key={r} gap={6} align="center" role="row">
        <Typography.Text type="secondary" style={{ width: 48, textAlign: 'right', flex: 'none' }}>
          {t('seatingPage.rowN', { n: chineseNumber(r) })}
        </Typography.Text>
        {drawn.map(({ seat, aisleAfter }) => (
          <Flex key={seat} gap={6}>
            {seatCell({ row: r, seat })}
            {aisleAfter ? <div style={{ width: 22 }} aria-hidden /> : null}
          </Flex>
        ))}
      </Flex>
    ));
    return (
      <Flex vertical gap={6} role="grid" aria-label={t('seatingPage.tab')} data-testid="seat-grid">
        {lines}
      </Flex>
    );
  };

  const status = () => {
    if (!data) return null;
    if (!data.plan) return t('seatingPage.notSaved');
    const text = t('seatingPage.planned', {
      sort: t(`seating.sorts.${data.plan.sort}`),
      front: data.plan.committeeFront ? t('seatingPage.front') : '',
      at: localDateTimeOf(data.plan.updatedAt),
    });
    return data.plan.adjusted ? `${text}${t('common.comma')}${t('seatingPage.adjusted')}` : text;
  };

  return (
    <Flex vertical gap={12} data-testid="seating-tab">
      <Flex gap={12} wrap align="center" justify="space-between">
        <Segmented
          value={layout}
          onChange={(value) => setLayout(value)}
          options={(['rows', 'tables'] as const).map((value) => ({ value, label: t(`seatingPage.layouts.${value}`) }))}
          data-testid="seating-layout-switch"
        />
        <Space wrap>
          {!readOnly && layout === 'rows' && (
            <>
              <Typography.Text>{t('seatingPage.sort')}</Typography.Text>
              <Select
                value={sort}
                onChange={setSort}
                style={{ width: 140 }}
                options={rosterSorts.map((value) => ({ value, label: t(`roster.sort.${value}`) }))}
                aria-label={t('seatingPage.sort')}
              />
              <Checkbox checked={committeeFront} onChange={(event) => setCommitteeFront(event.target.checked)}>
                {t('seatingPage.committeeFront')}
              </Checkbox>
              <Button icon={<ReloadOutlined />} onClick={askArrange} data-testid="seating-arrange">
                {t('seatingPage.arrange')}
              </Button>
            </>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} data-testid="seating-export">
            {t('seatingPage.export')}
          </Button>
        </Space>
      </Flex>
      {view.error && <Alert type="error" showIcon title={view.error.message} />}
      {readOnly && <Alert type="info" showIcon title={t('seatingPage.readOnly')} />}
      {data && (
        <Typography.Text type="secondary" data-testid="seating-status">
          {[status(), t('seatingPage.people', { count: data.seats.length })].join(t('common.comma'))}
          {data.rows > data.room.rows
            ? `${t('common.comma')}${t('seatingPage.extraRows', { count: data.rows - data.room.rows })}`
            : ''}
        </Typography.Text>
      )}
      {data && layout === 'rows' && (
        <>
          {!readOnly && <Typography.Text type="secondary">{t('seatingPage.help')}</Typography.Text>}
          <div style={{ overflowX: 'auto', paddingBottom: 8 }}>
            <Flex vertical gap={14} style={{ display: 'inline-flex', minWidth: '100%' }}>
              {data.room.podium === 'top' && podium}
              {grid(data.room, data.rows)}
              {data.room.podium === 'bottom' && podium}
            </Flex>
          </div>
        </>
      )}
      {data && layout === 'tables' && <GroupTables view={data} podium={podium} />}
      <div
        aria-live="polite"
        style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden' }}
        data-testid="seating-said"
      >
        {said}
      </div>
      {exporting && (
        <ExportModal
          target={target}
          sort={data?.plan?.sort ?? sort}
          initialDocument="seating"
          initialLayout={layout}
          onClose={() => setExporting(false)}
        />
      )}
    </Flex>
  );
};
