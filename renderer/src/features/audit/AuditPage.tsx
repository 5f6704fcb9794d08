import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActions, type AuditEntry, auditEntities } from '../../../../shared/audit/schemas';
import { fileNameOf } from '../../../../shared/files/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';

const pageSize = 50;

const actionColors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  reveal: 'gold',
  export: 'purple',
  import: 'cyan',
  backup: 'geekblue',
  restore: 'magenta',
};

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value)) : {};

const show = (value: unknown) =>
  value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value);

// The fields a change touched, side by side.
const Changes = ({ entry }: { entry: AuditEntry }) => {
  const { t } = useTranslation();
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => entry.action !== 'update' || show(before[key]) !== show(after[key]),
  );
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={fields.map((field) => ({
        field: t(`audit.columns.${field}`, { defaultValue: field }),
        before: show(before[field]),
        after: show(after[field]),
      }))}
      columns={[
        { key: 'field', title: t('auditLog.field'), dataIndex: 'field', width: 180 },
        { key: 'before', title: t('auditLog.before'), dataIndex: 'before' },
        { key: 'after', title: t('auditLog.after'), dataIndex: 'after' },
      ]}
    />
  );
};

const partsPageSize = 20;

// The lines one command wrote (an upload: each report, author, file), each opening to its changes.
const Parts = ({ entry }: { entry: AuditEntry }) => {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const input = { command: entry.command, limit: partsPageSize, offset: (page - 1) * partsPageSize };
  const parts = useQuery(() => api.audit.parts(input), JSON.stringify(input));
  return (
    <Table<AuditEntry>
      rowKey="id"
      size="small"
      data-testid="audit-parts"
      dataSource={parts.data?.items ?? []}
      loading={parts.loading && !parts.data}
      expandable={{
        expandedRowRender: (part) => <Changes entry={part} />,
        rowExpandable: (part) => part.before !== null || part.after !== null,
      }}
      pagination={
        (parts.data?.total ?? 0) > partsPageSize
          ? { current: page, pageSize: partsPageSize, total: parts.data?.total ?? 0, showSizeChanger: false, onChange: setPage }
          : false
      }
      columns={[
        {
          key: 'action',
          title: t('auditLog.columns.action'),
          width: 90,
          render: (_, part) => (
            <Tag color={actionColors[part.action]}>{t(`audit.actions.${part.action}`, { defaultValue: part.action })}</Tag>
          ),
        },
        { key: 'summary', title: t('auditLog.columns.summary'), dataIndex: 'summary' },
      ]}
    />
  );
};

export const AuditPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [action, setAction] = useState<(typeof auditActions)[number]>();
  const [entity, setEntity] = useState<string>();
  const [dates, setDates] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);

  const filters = {
    ...(action ? { action } : {}),
    ...(entity ? { entity } : {}),
    ...(dates?.[0] ? { from: dates[0].format('YYYY-MM-DD') } : {}),
    ...(dates?.[1] ? { to: dates[1].format('YYYY-MM-DD') } : {}),
    ...(search ? { search } : {}),
  };
  const input = { ...filters, limit: pageSize, offset: (page - 1) * pageSize };
  const log = useQuery(() => api.audit.list(input), JSON.stringify(input));

  const exportLog = async () => {
    const chosen = await api.files.chooseSave({
      purpose: 'export',
      defaultName: fileNameOf(t('auditLog.title'), 'xlsx'),
      format: 'xlsx',
    });
    if (!chosen.ok) return message.error(errorText(chosen.error));
    if (!chosen.value.grant) return;
    const result = await api.audit.export({ ...filters, grant: chosen.value.grant });
    if (!result.ok) return message.error(errorText(result.error));
    message.success(t('auditLog.exported', { count: result.value.rows, path: result.value.path }));
  };

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('auditLog.title')}
        </Typography.Title>
      }
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void exportLog()}>
          {t('auditLog.export')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('auditLog.help')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('auditLog.action')}
          style={{ width: 120 }}
          value={action}
          onChange={(value) => {
            setAction(value);
            setPage(1);
          }}
          options={auditActions.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
          aria-label={t('auditLog.action')}
        />
        <Select
          allowClear
          placeholder={t('auditLog.entity')}
          style={{ width: 130 }}
          value={entity}
          onChange={(value?: string) => {
            setEntity(value);
            setPage(1);
          }}
          options={auditEntities.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
          aria-label={t('auditLog.entity')}
        />
        <DatePicker.RangePicker
          value={dates}
          onChange={(value) => {
            setDates(value);
            setPage(1);
          }}
          aria-label={t('auditLog.dates')}
        />
        <Input.Search
          allowClear
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            setPage(1);
          }}
          placeholder={t('auditLog.searchPlaceholder')}
          style={{ width: 280 }}
          aria-label={t('fields.search')}
        />
      </Flex>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        dataSource={log.data?.items ?? []}
        loading={log.loading && !log.data}
        data-testid="audit-table"
        expandable={{
          // A command of many lines opens to them; a single line to what it changed.
          expandedRowRender: (entry) => (entry.parts > 1 ? <Parts entry={entry} /> : <Changes entry={entry} />),
          rowExpandable: (entry) => entry.parts > 1 || entry.before !== null || entry.after !== null,
        }}
        pagination={{
          current: page,
          pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (total) => t('auditLog.total', { count: total }),
        }}
        columns={[
          { key: 'at', title: t('auditLog.columns.at'), width: 180, render: (_, entry) => new Date(entry.at).toLocaleString() },
          {
            key: 'actor',
            title: t('auditLog.columns.actor'),
            width: 120,
            // The name given in the settings; the workstation's account beside it, as a detail.
            render: (_, entry) => (
              <Tooltip title={t('auditLog.account', { account: entry.actor })}>
                <span>{entry.operator || entry.actor}</span>
              </Tooltip>
            ),
          },
          {
            key: 'action',
            title: t('auditLog.columns.action'),
            width: 90,
            render: (_, entry) => (
              <Tag color={actionColors[entry.action]}>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</Tag>
            ),
          },
          {
            key: 'summary',
            title: t('auditLog.columns.summary'),
            ellipsis: { showTitle: true },
            render: (_, entry) => (
              <>
                {entry.summary}
                {entry.parts > 1 && (
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {t('auditLog.parts', { count: entry.parts })}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            key: 'door',
            title: t('auditLog.columns.channel'),
            width: 90,
            render: (_, entry) => t(`audit.doors.${entry.door === '' ? 'unknown' : entry.door}`),
          },
        ]}
      />
    </Card>
  );
};
