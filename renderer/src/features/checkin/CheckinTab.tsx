import { App, Alert, Button, Empty, Flex, Input, type InputRef, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { type HTMLAttributes, type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinRow, CheckinStatus } from '../../../../shared/checkin/schemas';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { NoteModal } from './NoteModal';
import { WalkInModal } from './WalkInModal';
import { checkinRate } from './rate';
import { normaliseName } from '../../../../shared/trainees/schemas';

// What the desk typed, as the walk-in's name when it is one: read off a 桌签 it has a space between
// the characters (李　明), which a roster's name has not.
const walkInName = (query: string) => {
  const name = normaliseName(query.trim());
  return /^[\p{Script=Han}·]+$/u.test(name) ? name : '';
};

const statusColors: Record<CheckinStatus, string> = { arrived: 'green', late: 'orange', leave: 'blue' };

// 报到 at the desk on a class's first day(s): the box keeps the focus — initials typed or an ID card
// read — and Enter checks in the one person it names, or lays out the choices.
export const CheckinTab = ({ target }: { target: TrainingClass }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [missing, setMissing] = useState(false);
  const [query, setQuery] = useState('');
  const [choices, setChoices] = useState<{ summary: string; rows: CheckinRow[] }>();
  const [dialog, setDialog] = useState<{ kind: 'walkIn' } | { kind: 'note'; row: CheckinRow; status: 'late' | 'leave' }>();
  const [revealed, setRevealed] = useState(new Map<number, string>());
  const box = useRef<InputRef>(null);
  const list = useQuery(() => api.checkin.list({ classId: target.id, missing }), `checkin:${target.id}:${missing}`);
  const readOnly = target.status === 'archived';
  const figures = list.data?.figures;
  const refocus = () => setTimeout(() => box.current?.focus(), 0);

  const checkIn = async (input: { query: string } | { enrolmentId: number }) => {
    const result = await api.checkin.checkIn({ classId: target.id, ...input });
    refocus();
    if (!result.ok) return message.error(errorText(result.error));
    const done = result.value;
    if (done.outcome === 'choose') return setChoices({ summary: done.summary, rows: done.choices });
    setChoices(undefined);
    setQuery('');
    if (done.outcome === 'already') message.info(done.summary);
    else message.success(done.summary);
  };

  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    event.preventDefault();
    if (query.trim()) void checkIn({ query });
  };

  const undo = async (row: CheckinRow) => {
    const result = await api.checkin.undo({ enrolmentId: row.enrolmentId });
    if (!result.ok) return message.error(errorText(result.error));
    message.success(result.value.summary);
  };

  const reveal = async (row: CheckinRow) => {
    const result = await api.trainees.reveal({ ids: [row.traineeId], purpose: t('checkinPage.revealPurpose') });
    if (!result.ok) return message.error(errorText(result.error));
    setRevealed(new Map(revealed).set(row.traineeId, result.value[0]?.phone ?? ''));
  };

  const phoneOf = (row: CheckinRow) => {
    const shown = revealed.get(row.traineeId);
    if (shown !== undefined) return shown || '—';
    if (!row.phoneMasked) return '—';
    return (
      <Space size={4}>
        <span>{row.phoneMasked}</span>
        <Button size="small" type="link" onClick={() => void reveal(row)}>
          {t('checkinPage.reveal')}
        </Button>
      </Space>
    );
  };

  const actions = (row: CheckinRow) =>
    readOnly ? null : (
      <Space size={4}>
        {row.status === null || row.status === 'leave' ? (
          <Button size="small" type="primary" onClick={() => void checkIn({ enrolmentId: row.enrolmentId })}>
            {t('checkinPage.checkIn')}
          </Button>
        ) : null}
        {row.status === null ? (
          <>
            <Button size="small" onClick={() => setDialog({ kind: 'note', row, status: 'late' })}>
              {t('checkinPage.late')}
            </Button>
            <Button size="small" onClick={() => setDialog({ kind: 'note', row, status: 'leave' })}>
              {t('checkinPage.leave')}
            </Button>
          </>
        ) : (
          <Button size="small" danger type="text" onClick={() => void undo(row)}>
            {t('checkinPage.undo')}
          </Button>
        )}
      </Space>
    );

  const units = list.data?.units ?? [];
  const rows = units.flatMap((unit) => {
    const unitArrived = unit.rows.filter((row) => row.status === 'arrived' || row.status === 'late').length;
    return unit.rows.map((row, index) => ({
      ...row,
      unitName: unit.unit,
      unitArrived,
      unitCount: unit.rows.length,
      span: index === 0 ? unit.rows.length : 0,
    }));
  });
  return (
    <Flex vertical gap={16} data-testid="checkin-tab">
      <Flex gap={48} align="center" wrap>
        <Statistic
          title={t('checkinPage.arrivedOfExpected')}
          value={
            figures ? t('checkinPage.figures', { arrived: figures.arrived + figures.late, expected: figures.expected }) : '—'
          }
          data-testid="checkin-figures"
        />
        <Statistic title={t('checkinPage.rate')} value={checkinRate(figures?.rate ?? null)} data-testid="checkin-rate" />
        <Statistic title={t('checkinPage.lateCount')} value={figures?.late ?? 0} />
        <Statistic title={t('checkinPage.leaveCount')} value={figures?.leave ?? 0} />
      </Flex>
      {!readOnly && (
        <Flex gap={8} align="center" wrap>
          <Input
            ref={box}
            autoFocus
            size="large"
            style={{ maxWidth: 520 }}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onPressEnter={onEnter}
            placeholder={t('checkinPage.placeholder')}
            aria-label={t('checkinPage.placeholder')}
            data-testid="checkin-box"
            maxLength={100}
            allowClear
          />
          <Button size="large" type="primary" disabled={!query.trim()} onClick={() => void checkIn({ query })}>
            {t('checkinPage.checkIn')}
          </Button>
          <Button size="large" onClick={() => setDialog({ kind: 'walkIn' })}>
            {t('checkinPage.walkIn')}
          </Button>
        </Flex>
      )}
      {choices && (
        <Alert
          type="warning"
          showIcon
          title={choices.summary}
          data-testid="checkin-choices"
          closable={{ onClose: () => setChoices(undefined) }}
          description={
            <Flex gap={8} wrap>
              {choices.rows.map((row) => (
                <Button key={row.enrolmentId} onClick={() => void checkIn({ enrolmentId: row.enrolmentId })}>
                  {[row.name, row.unit, row.idNumberMasked].filter(Boolean).join(t('text.space'))}
                  {row.status ? ` · ${t(`checkinPage.statuses.${row.status}`)}` : ''}
                </Button>
              ))}
            </Flex>
          }
        />
      )}
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Segmented
        value={missing ? 'missing' : 'all'}
        onChange={(value) => setMissing(value === 'missing')}
        options={[
          { value: 'all', label: t('checkinPage.showAll') },
          { value: 'missing', label: t('checkinPage.showMissing') },
        ]}
      />
      {units.length === 0 && !list.loading && <Empty description={t(missing ? 'checkinPage.allArrived' : 'checkinPage.empty')} />}
      {rows.length > 0 && (
        <Table
          rowKey="enrolmentId"
          size="small"
          pagination={false}
          bordered
          data-testid="checkin-list"
          dataSource={rows}
          onRow={(row) => ({ 'data-unit': row.unitName }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'unit',
              title: t('fields.unit'),
              width: 180,
              // A unit's people share one cell: most units send one or two, and a card each made
              // the list of a 40-person class scroll for pages.
              onCell: (row) => ({ rowSpan: row.span }),
              render: (_, row) => (
                <Flex vertical>
                  <span>{row.unitName || t('checkinPage.noUnit')}</span>
                  <Typography.Text type="secondary">
                    {t('checkinPage.unitCount', { arrived: row.unitArrived, count: row.unitCount })}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'name',
              title: t('fields.personName'),
              width: 160,
              render: (_, row) => (
                <Flex vertical>
                  <span data-testid="checkin-name">{row.name}</span>
                  <Typography.Text type="secondary" ellipsis={{ tooltip: row.position }}>
                    {row.position}
                  </Typography.Text>
                </Flex>
              ),
            },
            { key: 'phone', title: t('fields.phone'), width: 160, render: (_, row) => phoneOf(row) },
            {
              key: 'status',
              title: t('checkinPage.status'),
              width: 70,
              render: (_, row) =>
                row.status ? (
                  <Tag color={statusColors[row.status]}>{t(`checkinPage.statuses.${row.status}`)}</Tag>
                ) : (
                  <Tag>{t('checkinPage.statuses.missing')}</Tag>
                ),
            },
            { key: 'at', title: t('checkinPage.at'), width: 150, render: (_, row) => row.at ?? '' },
            { key: 'note', title: t('checkinPage.note'), dataIndex: 'note', ellipsis: true },
            { key: 'actions', title: '', width: 180, render: (_, row) => actions(row) },
          ]}
        />
      )}
      {dialog?.kind === 'walkIn' && (
        <WalkInModal
          classId={target.id}
          initialName={walkInName(query)}
          onClose={() => {
            setDialog(undefined);
            setQuery('');
            refocus();
          }}
        />
      )}
      {dialog?.kind === 'note' && (
        <NoteModal
          row={dialog.row}
          status={dialog.status}
          onClose={() => {
            setDialog(undefined);
            refocus();
          }}
        />
      )}
    </Flex>
  );
};
