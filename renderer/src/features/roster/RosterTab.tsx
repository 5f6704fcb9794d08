import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  ImportOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import { enrolmentStatuses, type EnrolmentStatus, type Revealed } from '../../../../shared/trainees/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { ExportModal } from './ExportModal';
import { ImportWizard } from './ImportWizard';
import { SplitGroupsModal } from './SplitGroupsModal';
import { TraineeFormModal } from './TraineeFormModal';
import { useRequested } from '../../components/use-requested';
import { type RosterEntry, rosterSorts, type RosterSort } from '../../../../shared/roster/schemas';

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; entry: RosterEntry; revealed?: Revealed }
  | { kind: 'import' }
  | { kind: 'split' }
  | { kind: 'export' }
  | undefined;

export const RosterTab = ({ target }: { target: TrainingClass }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [group, setGroup] = useState<number | undefined>();
  const [status, setStatus] = useState<EnrolmentStatus | undefined>();
  const [sort, setSort] = useState<RosterSort>('stroke');
  const [dialog, setDialog] = useState<Dialog>();
  useRequested('import', () => setDialog({ kind: 'import' }));
  useRequested('export', () => setDialog({ kind: 'export' }));
  // Full numbers the user chose to see in this session, by trainee: each reveal is logged by the core.
  const [revealed, setRevealed] = useState<Map<number, Revealed>>(new Map());
  const readOnly = target.status === 'archived';

  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 200);
    return () => clearTimeout(timer);
  }, [typed]);

  const query = {
    classId: target.id,
    sort,
    ...(search ? { search } : {}),
    ...(group !== undefined ? { group } : {}),
    ...(status ? { status } : {}),
  };
  const roster = useQuery(() => api.roster.list(query), JSON.stringify(query));
  const roles = useQuery(() => api.vocab.get({ kind: 'classRole' }), 'vocab:classRole');
  const items = roster.data?.items ?? [];
  const groups = roster.data?.groups ?? [];

  const assign = async (entry: RosterEntry, change: { group?: number | null; role?: string; status?: EnrolmentStatus }) => {
    const result = await api.roster.assign({ classId: target.id, assignments: [{ enrolmentId: entry.enrolmentId, ...change }] });
    if (!result.ok) message.error(errorText(result.error));
  };

  const reveal = async (entry: RosterEntry) => {
    const result = await api.trainees.reveal({ ids: [entry.traineeId], purpose: t('roster.revealPurposes.list') });
    if (!result.ok) return message.error(t('roster.revealFailed', { message: errorText(result.error) }));
    setRevealed(new Map(revealed).set(entry.traineeId, result.value[0] ?? { id: entry.traineeId, idNumber: '', phone: '' }));
  };

  const hide = (entry: RosterEntry) => {
    const next = new Map(revealed);
    next.delete(entry.traineeId);
    setRevealed(next);
  };

  // Editing needs the full numbers in the form; showing them is logged like any other reveal.
  const edit = async (entry: RosterEntry) => {
    const known = revealed.get(entry.traineeId);
    if (known || (!entry.idNumberMasked && !entry.phoneMasked))
      return setDialog({ kind: 'edit', entry, ...(known ? { revealed: known } : {}) });
    const result = await api.trainees.reveal({ ids: [entry.traineeId], purpose: t('roster.revealPurposes.edit') });
    if (!result.ok) return message.error(errorText(result.error));
    setDialog({ kind: 'edit', entry, ...(result.value[0] ? { revealed: result.value[0] } : {}) });
  };

  const remove = async (entry: RosterEntry) => {
    const result = await api.roster.remove({ enrolmentIds: [entry.enrolmentId] });
    if (!result.ok) message.error(errorText(result.error));
    else message.success(t('roster.removed', { name: entry.name }));
  };

  const groupOptions = [...new Set([...groups, ...Array.from({ length: Math.max(groups.length + 1, 1) }, (_, i) => i + 1)])]
    .sort((a, b) => a - b)
    .map((n) => ({ value: n, label: t('roster.groupN', { n }) }));

  const columns: TableColumnsType<RosterEntry> = [
    // The columns beside the name scroll sideways on a laptop's screen; who the row is and what can be
    // done with it stay in view at either edge.
    {
      key: 'seq',
      title: t('roster.columns.seq'),
      width: 56,
      align: 'center',
      fixed: 'left',
      render: (_, __, index) => index + 1,
    },
    {
      key: 'name',
      title: t('fields.personName'),
      width: 100,
      fixed: 'left',
      render: (_, entry) => <Link to={`/trainees/${entry.traineeId}`}>{entry.name}</Link>,
    },
    {
      key: 'sex',
      title: t('fields.sex'),
      width: 56,
      align: 'center',
      render: (_, entry) => (entry.sex ? t(`sex.${entry.sex}`) : ''),
    },
    {
      key: 'idNumber',
      title: t('fields.idNumber'),
      width: 200,
      render: (_, entry) => {
        const full = revealed.get(entry.traineeId);
        if (!entry.idNumberMasked && !entry.phoneMasked) return '';
        return (
          <Space size={4}>
            <span className="numeric" data-testid="id-number">
              {full ? full.idNumber : entry.idNumberMasked}
            </span>
            <Tooltip title={full ? t('roster.hide') : t('roster.reveal')}>
              <Button
                type="text"
                size="small"
                icon={full ? <EyeInvisibleOutlined /> : <EyeOutlined />}
                aria-label={full ? t('roster.hide') : t('roster.reveal')}
                onClick={() => (full ? hide(entry) : void reveal(entry))}
              />
            </Tooltip>
          </Space>
        );
      },
    },
    { key: 'unit', title: t('fields.unit'), width: 220, ellipsis: { showTitle: true }, render: (_, entry) => entry.unit },
    {
      key: 'position',
      title: t('fields.position'),
      width: 120,
      ellipsis: { showTitle: true },
      render: (_, entry) => entry.position,
    },
    {
      key: 'phone',
      title: t('fields.phone'),
      width: 120,
      render: (_, entry) => revealed.get(entry.traineeId)?.phone ?? entry.phoneMasked,
    },
    {
      key: 'group',
      title: t('fields.group'),
      width: 112,
      render: (_, entry) =>
        readOnly ? (
          entry.group ? (
            t('roster.groupN', { n: entry.group })
          ) : (
            ''
          )
        ) : (
          <Select
            size="small"
            variant="borderless"
            style={{ width: 100 }}
            allowClear
            placeholder="—"
            value={entry.group ?? undefined}
            options={groupOptions}
            onChange={(value?: number) => void assign(entry, { group: value ?? null })}
            aria-label={`${t('fields.group')} ${entry.name}`}
          />
        ),
    },
    {
      key: 'role',
      title: t('fields.role'),
      width: 140,
      render: (_, entry) =>
        readOnly ? (
          entry.role
        ) : (
          <Select
            size="small"
            variant="borderless"
            style={{ width: 128 }}
            allowClear
            showSearch
            placeholder="—"
            value={entry.role || undefined}
            options={(roles.data ?? []).map((value) => ({ value, label: value }))}
            onChange={(value?: string) => void assign(entry, { role: value ?? '' })}
            aria-label={`${t('fields.role')} ${entry.name}`}
          />
        ),
    },
    {
      key: 'status',
      title: t('fields.status'),
      width: 96,
      render: (_, entry) =>
        readOnly ? (
          t(`enrolmentStatus.${entry.status}`)
        ) : (
          <Select
            size="small"
            variant="borderless"
            style={{ width: 84 }}
            value={entry.status}
            options={enrolmentStatuses.map((value) => ({ value, label: t(`enrolmentStatus.${value}`) }))}
            onChange={(value: EnrolmentStatus) => void assign(entry, { status: value })}
            aria-label={`${t('fields.status')} ${entry.name}`}
          />
        ),
    },
    ...(readOnly
      ? []
      : [
          {
            key: 'actions',
            title: t('roster.columns.actions'),
            width: 84,
            fixed: 'right' as const,
            render: (_: unknown, entry: RosterEntry) => (
              <Space size={0}>
                <Tooltip title={t('common.edit')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={`${t('common.edit')} ${entry.name}`}
                    onClick={() => void edit(entry)}
                  />
                </Tooltip>
                <Popconfirm
                  title={t('roster.remove')}
                  description={t('roster.removeConfirm', { name: entry.name })}
                  okText={t('roster.remove')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void remove(entry)}
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('roster.remove')} ${entry.name}`}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]),
  ];

  const male = items.filter((e) => e.sex === 'male').length;
  const female = items.filter((e) => e.sex === 'female').length;
  const attending = items.filter((e) => e.status !== 'withdrawn').length;
  const filtered = Boolean(search || group !== undefined || status);

  return (
    <Flex vertical gap={12}>
      {readOnly && <Alert type="info" showIcon title={t('roster.readOnly')} />}
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap>
          <Input.Search
            allowClear
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            placeholder={t('roster.searchPlaceholder')}
            style={{ width: 300 }}
            aria-label={t('fields.search')}
          />
          <Select
            style={{ width: 120 }}
            value={group ?? -1}
            onChange={(value: number) => setGroup(value === -1 ? undefined : value)}
            options={[
              { value: -1, label: t('roster.allGroups') },
              { value: 0, label: t('roster.noGroup') },
              ...groups.map((n) => ({ value: n, label: t('roster.groupN', { n }) })),
            ]}
            aria-label={t('fields.group')}
          />
          <Select
            style={{ width: 110 }}
            value={status ?? 'all'}
            onChange={(value: string) => setStatus(enrolmentStatuses.find((s) => s === value))}
            options={[
              { value: 'all', label: t('roster.allStatuses') },
              ...enrolmentStatuses.map((s) => ({ value: s, label: t(`enrolmentStatus.${s}`) })),
            ]}
            aria-label={t('fields.status')}
          />
          <Segmented<RosterSort>
            value={sort}
            onChange={setSort}
            options={rosterSorts.map((key) => ({ value: key, label: t(`roster.sort.${key}`) }))}
            aria-label={t('roster.sortLabel')}
            data-testid="roster-sort"
          />
        </Flex>
        <Space wrap>
          {!readOnly && (
            <>
              <Button icon={<UserAddOutlined />} onClick={() => setDialog({ kind: 'add' })}>
                {t('roster.add')}
              </Button>
              <Button icon={<ImportOutlined />} onClick={() => setDialog({ kind: 'import' })}>
                {t('roster.import')}
              </Button>
              <Button icon={<TeamOutlined />} disabled={attending === 0} onClick={() => setDialog({ kind: 'split' })}>
                {t('roster.split')}
              </Button>
            </>
          )}
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            disabled={items.length === 0 && !filtered}
            onClick={() => setDialog({ kind: 'export' })}
          >
            {t('roster.export')}
          </Button>
        </Space>
      </Flex>
      {roster.error && <Alert type="error" showIcon title={errorText(roster.error)} />}
      {roster.data?.approximate && <Alert type="info" showIcon title={t('roster.approximate', { query: search })} />}
      <Table<RosterEntry>
        rowKey="enrolmentId"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={false}
        // Thousands of rows stay smooth: only the visible ones are rendered.
        virtual
        scroll={{ x: 1300, y: 560 }}
        loading={roster.loading && !roster.data}
        data-testid="roster-table"
        locale={{
          emptyText: !roster.data ? (
            <span />
          ) : (
            <Empty description={filtered ? t('classes.emptyFiltered') : t('roster.empty')}>
              {!filtered && <Typography.Text type="secondary">{t('roster.emptyHint')}</Typography.Text>}
            </Empty>
          ),
        }}
        footer={() => (
          <span data-testid="roster-summary">
            {t('roster.summary', { count: items.length, male, female })}
            {groups.length > 0 ? t('roster.summaryGroups', { groups: groups.length }) : ''}
          </span>
        )}
      />
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <TraineeFormModal
          classId={target.id}
          editing={dialog.kind === 'edit' ? dialog.entry : undefined}
          revealed={dialog.kind === 'edit' ? dialog.revealed : undefined}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'import' && <ImportWizard classId={target.id} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'split' && <SplitGroupsModal classId={target.id} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'export' && <ExportModal target={target} sort={sort} onClose={() => setDialog(undefined)} />}
    </Flex>
  );
};
