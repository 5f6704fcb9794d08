import { CopyOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  type InputRef,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { classStatuses, type TrainingClass } from '../../../../shared/classes/schemas';
import { comparePinyinText } from '../../../../shared/text/collation';
import { useErrorText } from '../../app/errors';
import { useRead } from '../../app/use-query';
import { useRequested } from '../../components/use-requested';
import { useHotkey } from '../../components/use-hotkey';
import { ClassFormModal } from './ClassFormModal';
import { CopyClassModal } from '../lifecycle/CopyClassModal';
import { classListReads as reads, listQueryOf } from './reads';
import { StatusTag } from './status';
import { useClassActions } from './use-class-actions';

// `first`: the school's first class, made from the empty workbench; its roster is imported next.
type Dialog =
  | { kind: 'create'; first?: boolean }
  | { kind: 'edit'; target: TrainingClass }
  | { kind: 'copy'; target: TrainingClass }
  | undefined;

export const ClassListPage = () => {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const navigate = useNavigate();
  const actions = useClassActions();
  // Filters live in the address, so coming back from a class finds the list as it was left.
  const [params, setParams] = useSearchParams();
  const query = listQueryOf(params);
  const { year, category, status } = query;
  const search = query.search ?? '';
  const [typed, setTyped] = useState(search);
  const [dialog, setDialog] = useState<Dialog>();
  useRequested('new', () => setDialog({ kind: 'create' }));
  useRequested('first', () => setDialog({ kind: 'create', first: true }));
  const searchRef = useRef<InputRef>(null);

  const classes = useRead(reads.classes(query));
  const years = useRead(reads.years);
  const categories = useRead(reads.categories);

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  // Typing is debounced into the address: one query per pause, not per keystroke.
  useEffect(() => {
    if (typed.trim() === search) return;
    const timer = setTimeout(() => setParam('q', typed.trim() || undefined), 200);
    return () => clearTimeout(timer);
  });

  useHotkey('ctrl+n', () => setDialog({ kind: 'create' }));
  useHotkey('/', () => searchRef.current?.focus());

  const items = classes.data?.items ?? [];
  const filtered = Boolean(year || category || status || search);

  const columns: TableColumnsType<TrainingClass> = [
    {
      key: 'code',
      title: t('classes.columns.code'),
      dataIndex: 'code',
      width: 84,
      sorter: (a, b) => comparePinyinText(a.code, b.code),
    },
    {
      key: 'name',
      title: t('classes.columns.name'),
      dataIndex: 'name',
      width: 210,
      sorter: (a, b) => comparePinyinText(a.name, b.name),
      render: (name: string, row) => <Link to={`/classes/${row.id}`}>{name}</Link>,
    },
    {
      key: 'category',
      title: t('classes.columns.category'),
      dataIndex: 'category',
      width: 120,
      sorter: (a, b) => comparePinyinText(a.category, b.category),
    },
    {
      key: 'dates',
      title: t('classes.columns.dates'),
      width: 190,
      sorter: (a, b) => comparePinyinText(a.startDate, b.startDate),
      defaultSortOrder: 'descend',
      render: (_, row) => `${row.startDate} ${t('common.to')} ${row.endDate}`,
    },
    {
      key: 'location',
      title: t('classes.columns.location'),
      dataIndex: 'location',
      // The one column without a width takes what the others leave: they are kept to what their
      // words need, so that at 1280 px it still shows more than "辽…".
      ellipsis: { showTitle: true },
      sorter: (a, b) => comparePinyinText(a.location, b.location),
    },
    {
      key: 'plannedSize',
      title: t('classes.columns.plannedSize'),
      dataIndex: 'plannedSize',
      width: 90,
      align: 'right',
      sorter: (a, b) => (a.plannedSize ?? 0) - (b.plannedSize ?? 0),
    },
    {
      key: 'status',
      title: t('classes.columns.status'),
      dataIndex: 'status',
      width: 76,
      sorter: (a, b) => classStatuses.indexOf(a.status) - classStatuses.indexOf(b.status),
      render: (value: TrainingClass['status']) => <StatusTag status={value} />,
    },
    {
      key: 'actions',
      title: t('classes.columns.actions'),
      width: 92,
      // The browser's own tooltip (title): fifty rows of three antd Tooltips cost the first screen
      // a quarter of a second to build, for hints that only show when hovered.
      render: (_, row) => (
        <Space size={0} onClick={(event) => event.stopPropagation()}>
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            aria-label={t('common.edit')}
            title={t('common.edit')}
            disabled={row.status === 'archived'}
            onClick={() => setDialog({ kind: 'edit', target: row })}
          />
          <Button
            type="text"
            size="small"
            icon={<CopyOutlined />}
            aria-label={t('classes.actions.copy')}
            title={t('classes.actions.copy')}
            onClick={() => setDialog({ kind: 'copy', target: row })}
          />
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('common.delete')}
            title={t('common.delete')}
            disabled={row.status === 'archived'}
            onClick={() => actions.remove(row)}
          />
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('classes.listTitle')}
        </Typography.Title>
      }
      extra={
        <Tooltip title={t('common.shortcut', { keys: 'Ctrl+N' })}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('classes.new')}
          </Button>
        </Tooltip>
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          ref={searchRef}
          allowClear
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onSearch={(value) => setParam('q', value.trim() || undefined)}
          placeholder={t('classes.searchPlaceholder')}
          style={{ width: 420 }}
          aria-label={t('fields.search')}
        />
        <Select
          allowClear
          placeholder={t('classes.filterYear')}
          style={{ width: 120 }}
          value={year}
          onChange={(value?: number) => setParam('year', value ? String(value) : undefined)}
          options={(years.data ?? []).map((y) => ({ value: y, label: String(y) }))}
          data-testid="filter-year"
        />
        <Select
          allowClear
          placeholder={t('classes.filterCategory')}
          style={{ width: 170 }}
          value={category}
          onChange={(value?: string) => setParam('category', value)}
          options={(categories.data ?? []).map((c) => ({ value: c, label: c }))}
          data-testid="filter-category"
        />
        <Select
          allowClear
          placeholder={t('classes.filterStatus')}
          style={{ width: 120 }}
          value={status}
          onChange={(value?: string) => setParam('status', value)}
          options={classStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          data-testid="filter-status"
        />
        {filtered && (
          <Button
            onClick={() => {
              setTyped('');
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t('common.reset')}
          </Button>
        )}
      </Flex>
      {classes.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(classes.error)} />}
      {classes.data?.approximate && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('classes.approximate', { query: search })} />
      )}
      <Table<TrainingClass>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={classes.loading && !classes.data}
        pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        onRow={(row) => ({ onDoubleClick: () => navigate(`/classes/${row.id}`) })}
        locale={{
          // Nothing to say until the first answer arrives; the table shows its spinner meanwhile.
          emptyText: !classes.data ? (
            <span />
          ) : (
            <Empty description={filtered ? t('classes.emptyFiltered') : t('classes.empty')}>
              {!filtered && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
                  {t('classes.new')}
                </Button>
              )}
            </Empty>
          ),
        }}
        footer={items.length > 0 ? () => t('classes.count', { count: items.length }) : undefined}
      />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <ClassFormModal
          editing={dialog.kind === 'edit' ? dialog.target : undefined}
          onClose={() => setDialog(undefined)}
          onSaved={(saved) => {
            setDialog(undefined);
            if (dialog.kind === 'create')
              navigate(dialog.first ? `/classes/${saved.id}?tab=roster&do=import` : `/classes/${saved.id}`);
          }}
        />
      )}
      {dialog?.kind === 'copy' && (
        <CopyClassModal
          source={dialog.target}
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
