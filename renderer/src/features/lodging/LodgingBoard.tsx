import { LockFilled, ManOutlined, ThunderboltOutlined, WomanOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Dropdown, Empty, Flex, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board, Lodger } from '../../../../shared/lodging/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import './lodging-board.css';

const dragType = 'application/x-cadre-enrolment';

const SexIcon = ({ sex }: { sex: Lodger['sex'] }) =>
  sex === 'female' ? (
    <WomanOutlined style={{ color: '#c41d7f' }} />
  ) : sex === 'male' ? (
    <ManOutlined style={{ color: '#1d4f91' }} />
  ) : null;

// One trainee on the board: dragged to another household (or out), or moved and locked from its menu.
const Person = ({
  person,
  households,
  rooms,
  onMove,
  onLock,
}: {
  person: Lodger;
  households: Board['households'];
  rooms: boolean;
  onMove: (householdId: number | null) => void;
  onLock?: (locked: boolean) => void;
}) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const tag = useRef<HTMLSpanElement>(null);
  const items = [
    {
      key: 'move',
      label: t('lodgingPage.moveTo'),
      children: households
        .filter((h) => h.active && h.reservedFor === null && !h.occupants.some((o) => o.enrolmentId === person.enrolmentId))
        .map((h) => ({
          key: `to-${h.id}`,
          label: t('text.withNote', {
            text: rooms ? t('roomsPage.roomTitle', { head: h.head }) : h.head,
            note: t('lodgingPage.beds', { people: h.occupants.length, free: h.free }),
          }),
        })),
    },
    ...(onLock
      ? [
          { key: 'lock', label: person.locked ? t('lodgingPage.unlock') : t('lodgingPage.lock') },
          { key: 'out', label: t('lodgingPage.moveOut') },
        ]
      : []),
  ];
  return (
    <Dropdown
      trigger={['contextMenu', 'click']}
      open={open}
      onOpenChange={setOpen}
      // Opened from the keyboard, the menu takes the focus: ↑ ↓ → and Enter choose, Esc closes.
      autoFocus
      menu={{
        items,
        onClick: ({ key }) => {
          setOpen(false);
          // Back where the keyboard was (a person moved elsewhere is drawn anew there).
          requestAnimationFrame(() => tag.current?.focus());
          if (key === 'lock') onLock?.(!person.locked);
          else if (key === 'out') onMove(null);
          else if (key.startsWith('to-')) onMove(Number(key.slice(3)));
        },
      }}
    >
      <Tag
        ref={tag}
        className="lodger"
        // Reached by Tab; Enter or Space opens the menu that moves and locks (dragging is the mouse's way).
        tabIndex={0}
        role="button"
        aria-haspopup="menu"
        aria-label={t('lodgingPage.personMenu', { name: person.name })}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            setOpen(true);
          }
        }}
        draggable
        data-testid={`lodger-${person.name}`}
        onDragStart={(event: DragEvent) => {
          event.dataTransfer.setData(dragType, String(person.enrolmentId));
          event.dataTransfer.effectAllowed = 'move';
        }}
        color={person.locked ? 'gold' : undefined}
      >
        <Space size={4}>
          <SexIcon sex={person.sex} />
          <span>{person.name}</span>
          {person.group !== null && (
            <span className="lodger-group" title={t('roster.groupN', { n: person.group })}>
              {person.group}
            </span>
          )}
          {person.role && <span className="lodger-role">{person.role}</span>}
          {rooms && person.single && (
            <Tooltip title={t('roomsPage.singleHelp')}>
              <span className="lodger-single">{t('roomsPage.single')}</span>
            </Tooltip>
          )}
          {person.locked && (
            <Tooltip title={t('lodgingPage.locked')}>
              <LockFilled aria-label={t('lodgingPage.locked')} />
            </Tooltip>
          )}
        </Space>
      </Tag>
    </Dropdown>
  );
};

const dropHandlers = (onDrop: (enrolmentId: number) => void, setOver: (over: boolean) => void) => ({
  onDragOver: (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(dragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setOver(true);
  },
  onDragLeave: () => setOver(false),
  onDrop: (event: DragEvent) => {
    setOver(false);
    const id = Number(event.dataTransfer.getData(dragType));
    if (id > 0) onDrop(id);
  },
});

const HouseholdCard = ({
  household,
  households,
  rooms,
  move,
  lock,
  confirm,
  reserve,
  readOnly,
}: {
  household: Board['households'][number];
  households: Board['households'];
  rooms: boolean;
  move: (enrolmentId: number, householdId: number | null) => void;
  lock: (person: Lodger, locked: boolean) => void;
  confirm: (confirmed: boolean) => void;
  reserve: (reservedFor: string | null) => void;
  readOnly: boolean;
}) => {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const full = household.occupants.length >= household.free;
  const kept = household.reservedFor !== null;
  return (
    <Card
      size="small"
      className={`household${over ? ' household-over' : ''}${household.active ? '' : ' household-inactive'}${kept ? ' household-kept' : ''}`}
      data-testid={`household-${household.head}`}
      title={
        <Space size={6}>
          <span className={rooms ? 'room-number' : undefined}>{household.head}</span>
          <Tag color={household.hosts === 'male' ? 'blue' : household.hosts === 'female' ? 'magenta' : 'default'}>
            {t(`lodging.hosts.${household.hosts}`)}
            {household.hosts === 'any' && household.mixedRooms && `·${t('sitesPage.mixedRoomsTag')}`}
          </Tag>
          {!household.active && <Tag data-testid="not-hosting">{t('lodgingPage.notHosting')}</Tag>}
        </Space>
      }
      extra={
        <Tooltip
          title={household.free < household.beds ? t('lodgingPage.bedsReduced', { free: household.free }) : household.address}
        >
          <Typography.Text type={full && household.active ? 'success' : 'secondary'}>
            {t('lodgingPage.beds', { people: household.occupants.length, free: household.free })}
          </Typography.Text>
        </Tooltip>
      }
      {...dropHandlers((id) => move(id, household.id), setOver)}
    >
      <Flex wrap gap={4} style={{ minHeight: 28 }}>
        {household.occupants.map((person) => (
          <Person
            key={person.enrolmentId}
            person={person}
            households={households}
            rooms={rooms}
            onMove={(to) => move(person.enrolmentId, to)}
            onLock={(locked) => lock(person, locked)}
          />
        ))}
        {kept && (
          <Tag color="purple" data-testid="kept-for">
            {t('roomsPage.keptFor', { for: household.reservedFor ?? '' })}
          </Tag>
        )}
      </Flex>
      {/* A room empty of trainees may be kept for staff (the 班主任's), and given back. */}
      {rooms && household.active && household.occupants.length === 0 && !readOnly && (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          data-testid={`keep-${household.head}`}
          onClick={() => reserve(kept ? null : '')}
        >
          {kept ? t('roomsPage.release') : t('roomsPage.keep')}
        </Button>
      )}
      {!rooms && (household.occupants.length > 0 || household.confirmedOn !== null) && (
        // Whether the household has said yes (by phone, usually): until then it is on the workbench.
        <Checkbox
          className="household-confirm"
          checked={household.confirmedOn !== null}
          disabled={readOnly}
          onChange={(event) => confirm(event.target.checked)}
          aria-label={t('lodgingPage.confirmOf', { head: household.head })}
        >
          <Typography.Text type={household.confirmedOn === null ? 'warning' : 'success'} style={{ fontSize: 12 }}>
            {household.confirmedOn === null
              ? t('lodgingPage.notConfirmed')
              : t('lodgingPage.confirmedOn', { date: household.confirmedOn })}
          </Typography.Text>
        </Checkbox>
      )}
    </Card>
  );
};

// Who sleeps where: each household a card, the people not placed beside them. Drag a person to
// another household (a move by hand is locked), or use a person's menu; 自动安排 places those
// without a bed and keeps everyone else where they are, 全部重新安排 places everyone not locked again.
export const LodgingBoard = ({ board, readOnly }: { board: Board; readOnly: boolean }) => {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { errorText } = useErrorText();
  const [overOut, setOverOut] = useState(false);
  const [busy, setBusy] = useState(false);
  const stayId = board.stay.id;
  const nameOf = (id: number) =>
    [...board.households.flatMap((h) => h.occupants), ...board.unplaced].find((p) => p.enrolmentId === id)?.name ?? '';

  // 每户至少安排 2 人 on: a move that would leave someone alone is refused with their name; the person
  // may still make it, asked first.
  const move = async (enrolmentId: number, householdId: number | null, leaveAlone = false) => {
    const result = await api.lodging.place({ stayId, enrolmentId, householdId, leaveAlone });
    if (!result.ok) {
      if (result.error.code === 'CONFLICT' && result.error.details?.['leftAlone'] !== undefined)
        return void modal.confirm({
          title: t('lodgingPage.leftAloneTitle'),
          content: errorText(result.error),
          okText: t('lodgingPage.leftAloneOk'),
          cancelText: t('common.cancel'),
          autoFocusButton: 'cancel',
          onOk: () => move(enrolmentId, householdId, true),
        });
      return message.error(errorText(result.error));
    }
    const head = board.households.find((h) => h.id === householdId)?.head ?? '';
    const name = nameOf(enrolmentId);
    message.success(
      householdId === null
        ? t('lodgingPage.movedOut', { name })
        : t(board.rooms ? 'roomsPage.moved' : 'lodgingPage.moved', { name, head }),
    );
  };
  // Keeping a room for staff asks for whom (班主任 王老师); giving it back asks nothing.
  const reserve = (householdId: number, head: string, keep: boolean) => {
    const send = async (reservedFor: string | null) => {
      const result = await api.lodging.reserve({ stayId, householdId, for: reservedFor });
      if (!result.ok) {
        message.error(errorText(result.error));
        throw result.error;
      }
      message.success(reservedFor === null ? t('roomsPage.released', { head }) : t('roomsPage.kept', { head, for: reservedFor }));
    };
    if (!keep) return void send(null).catch(() => undefined);
    let typed = '';
    modal.confirm({
      title: t('roomsPage.keepTitle', { head }),
      content: (
        <Flex vertical gap={6}>
          <Input
            autoFocus
            maxLength={100}
            placeholder={t('roomsPage.keepFor')}
            aria-label={t('roomsPage.keepFor')}
            data-testid="keep-for"
            onChange={(event) => {
              typed = event.target.value;
            }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('roomsPage.keepHelp')}
          </Typography.Text>
        </Flex>
      ),
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: () => send(typed),
    });
  };
  const lock = async (person: Lodger, locked: boolean) => {
    const result = await api.lodging.lock({ stayId, enrolmentId: person.enrolmentId, locked });
    if (!result.ok) message.error(errorText(result.error));
  };
  const confirm = async (householdId: number, head: string, confirmed: boolean) => {
    const result = await api.lodging.confirm({ stayId, householdId, confirmed });
    if (!result.ok) return message.error(errorText(result.error));
    message.success(t(confirmed ? 'lodgingPage.confirmed' : 'lodgingPage.unconfirmed', { head }));
  };
  // 自动安排 places only those without a bed; 全部重新安排 (asked first) places everyone not locked
  // again. Either way the toast says who, if anyone, was moved.
  const assign = async (rearrange: boolean) => {
    setBusy(true);
    const result = await api.lodging.assign({ stayId, rearrange });
    setBusy(false);
    if (!result.ok) return message.error(errorText(result.error));
    const { figures, unplaced, newlyPlaced, moved, alone } = result.value;
    const placed =
      unplaced.length === 0
        ? t('lodgingPage.assignedAll', { placed: figures.placed, added: newlyPlaced.length })
        : t('lodgingPage.assigned', { placed: figures.placed, added: newlyPlaced.length, unplaced: unplaced.length });
    const movedText =
      moved.length === 0
        ? t('lodgingPage.movedNone')
        : t('lodgingPage.movedSome', {
            count: moved.length,
            names: moved
              .map((m) => t('lodgingPage.movedOne', { name: m.name, from: m.from, to: m.to ?? t('lodgingPage.movedNowhere') }))
              .join(t('text.list')),
          });
    // 每户至少安排 2 人 on: whoever is still alone, each with why.
    const aloneText =
      alone.length === 0
        ? []
        : [t('lodgingPage.aloneSome', { count: alone.length, details: alone.map((a) => a.message).join(t('text.clauses')) })];
    const text = [placed, movedText, ...aloneText].join(t('text.clauses'));
    if (moved.length === 0 && alone.length === 0) message.success(text);
    else message.warning({ content: text, duration: 10 });
  };
  const confirmRearrange = () =>
    void modal.confirm({
      title: t('lodgingPage.rearrangeTitle'),
      content: t('lodgingPage.rearrangeConfirm'),
      okText: t('lodgingPage.rearrange'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      autoFocusButton: 'cancel',
      onOk: () => assign(true),
    });
  const { figures } = board;
  // The groups on the board and how many each: the legend of the numbers on the chips.
  const everyone = [...board.households.flatMap((h) => h.occupants), ...board.unplaced];
  const groups = [...new Set(everyone.flatMap((p) => (p.group === null ? [] : [p.group])))]
    .sort((a, b) => a - b)
    .map((n) => [n, everyone.filter((p) => p.group === n).length] as const);
  // The unplaced under their reasons (those not yet run first, with no reason shown).
  const byReason = new Map<string, Board['unplaced']>();
  for (const person of board.unplaced) {
    const text = person.reason === 'not_run' ? '' : person.message;
    byReason.set(text, [...(byReason.get(text) ?? []), person]);
  }
  const reasons = [...byReason].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0));
  // Every household of the village: those not hosting now at the end, tagged so, nobody placed there.
  const shown = board.households;
  // At a dormitory or hotel the rooms floor by floor (in the order the core gives: by floor, then
  // number); a village's households in one grid.
  const floors: [number | null, Board['households']][] = [];
  for (const unit of shown) {
    const key = board.rooms ? unit.floor : null;
    const last = floors.at(-1);
    const same = last && last[0] === key ? last : floors.find(([f]) => f === key);
    if (same) same[1].push(unit);
    else floors.push([key, [unit]]);
  }
  return (
    <Flex vertical gap={12} data-testid="lodging-board">
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary" data-testid="board-figures">
          {t(board.rooms ? 'roomsPage.figures' : 'lodgingPage.figures', {
            households: figures.householdsUsed,
            perGroup: figures.householdsPerGroup,
            sameUnit: figures.maxSameUnit,
            leaders: figures.maxLeaders,
            alone: figures.alone,
          })}
        </Typography.Text>
        <Space>
          <Button disabled={readOnly || busy} onClick={confirmRearrange}>
            {t('lodgingPage.rearrange')}
          </Button>
          <Button
            type="primary"
            icon={<ThunderboltOutlined />}
            loading={busy}
            disabled={readOnly}
            onClick={() => void assign(false)}
          >
            {t('lodgingPage.assign')}
          </Button>
        </Space>
      </Flex>
      {groups.length > 0 && (
        // What the small number on each person is: their group, as the roster names it.
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="group-legend">
          {t('lodgingPage.groupLegend')}
          {groups.map(([n, count]) => t('lodgingPage.groupLegendItem', { n, count })).join(t('text.list'))}
        </Typography.Text>
      )}
      {/* The unplaced above the households, their chips in rows (a class's worth must not make a page of
          one chip a line), grouped under each reason. */}
      <Card
        size="small"
        className={`household unplaced${overOut ? ' household-over' : ''}`}
        title={t('lodgingPage.unplaced', { count: board.unplaced.length })}
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('lodgingPage.dropOut')}
          </Typography.Text>
        }
        data-testid="unplaced"
        {...dropHandlers((id) => void move(id, null), setOverOut)}
      >
        <Flex vertical gap={6}>
          {reasons.map(([text, people]) => (
            <Flex key={text} wrap gap={4} align="center">
              {text !== '' && (
                <Typography.Text type="danger" style={{ fontSize: 12, marginInlineEnd: 4 }}>
                  {text}
                </Typography.Text>
              )}
              {people.map((person) => (
                <Person
                  key={person.enrolmentId}
                  person={person}
                  households={board.households}
                  rooms={board.rooms}
                  onMove={(to) => void move(person.enrolmentId, to)}
                />
              ))}
            </Flex>
          ))}
        </Flex>
      </Card>
      <Flex gap={12} align="flex-start">
        {shown.length === 0 ? (
          <Alert type="info" showIcon title={t('sitesPage.noHouseholds')} />
        ) : (
          <Flex vertical gap={12} style={{ flex: 1, minWidth: 0 }}>
            {floors.map(([floor, units]) => (
              <div key={floor ?? 'none'} data-testid={board.rooms ? `floor-${floor ?? 'none'}` : undefined}>
                {board.rooms && (
                  <Typography.Title level={5} className="floor-heading">
                    {floor === null ? t('roomsPage.noFloor') : t('roomsPage.floorN', { n: floor })}
                  </Typography.Title>
                )}
                <div className="households">
                  {units.map((household) => (
                    <HouseholdCard
                      key={household.id}
                      household={household}
                      households={board.households}
                      rooms={board.rooms}
                      move={(enrolmentId, to) => void move(enrolmentId, to)}
                      lock={(person, locked) => void lock(person, locked)}
                      confirm={(confirmed) => void confirm(household.id, household.head, confirmed)}
                      reserve={(reservedFor) => reserve(household.id, household.head, reservedFor !== null)}
                      readOnly={readOnly}
                    />
                  ))}
                </div>
              </div>
            ))}
          </Flex>
        )}
      </Flex>
      {board.stay.people === 0 && <Empty description={t('roster.empty')} />}
    </Flex>
  );
};
