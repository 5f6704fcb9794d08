import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Staff } from '../../../../shared/staff/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { ExportDialog } from '../../components/ExportDialog';
import { useHotkey } from '../../components/use-hotkey';
import { useTableImport } from '../../components/use-table-import';
import { fileNameOf } from '../../../../shared/files/schemas';
import { StaffFormModal } from './StaffFormModal';

// The school's teachers, advisers and coordinators, searchable the way trainees are.
export const StaffListPage = () => {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [typed, setTyped] = useState(search);
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState(false);
  const importer = useTableImport();
  useHotkey('ctrl+n', () => setAdding(true));

  useEffect(() => {
    if (typed.trim() === search) return;
    const timer = setTimeout(() => setParams(typed.trim() ? { q: typed.trim() } : {}, { replace: true }), 200);
    return () => clearTimeout(timer);
  });

  const found = useQuery(() => api.staff.list(search ? { search } : {}), `staff:${search}`);

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('staffPage.title')}
        </Typography.Title>
      }
      extra={
        <Space>
          <Button
            icon={<UploadOutlined />}
            onClick={() =>
              void importer.run({
                source: 'staff',
                title: t('staffPage.importTitle'),
                preview: (grant, jobId) => api.staff.importPreview({ grant, jobId }),
                commit: (grant, token, jobId) => api.staff.import({ grant, token, jobId }),
                done: (counts) => t('staffPage.imported', counts),
              })
            }
          >
            {t('staffPage.import')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)}>
            {t('staffPage.export')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            title={t('common.shortcut', { keys: 'Ctrl+N' })}
          >
            {t('staffPage.add')}
          </Button>
        </Space>
      }
    >
      {importer.dialog}
      <Input.Search
        allowClear
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        placeholder={t('staffPage.searchPlaceholder')}
        style={{ width: 420, marginBottom: 16 }}
        aria-label={t('fields.search')}
      />
      {found.error && <Alert type="error" showIcon title={errorText(found.error)} />}
      {found.data?.approximate && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('roster.approximate', { query: search })} />
      )}
      <Table<Staff>
        rowKey="id"
        size="middle"
        data-testid="staff-table"
        dataSource={found.data?.items ?? []}
        loading={found.loading && !found.data}
        locale={{ emptyText: t('staffPage.empty') }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        footer={
          (found.data?.items.length ?? 0) > 0 ? () => t('staffPage.count', { count: found.data?.items.length ?? 0 }) : undefined
        }
        columns={[
          {
            key: 'name',
            title: t('staffPage.columns.name'),
            width: 150,
            render: (_, person) => (
              <Space size={4}>
                <Link to={`/staff/${person.id}`}>{person.name}</Link>
                {person.external && <Tag color="purple">{t('staffPage.external')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'roles',
            title: t('staffPage.columns.roles'),
            width: 200,
            render: (_, person) => person.roles.map((role) => <Tag key={role}>{role}</Tag>),
          },
          { key: 'organisation', title: t('staffPage.columns.organisation'), dataIndex: 'organisation', ellipsis: true },
          { key: 'title', title: t('staffPage.columns.title'), dataIndex: 'title', width: 140, ellipsis: true },
          { key: 'expertise', title: t('staffPage.columns.expertise'), dataIndex: 'expertise', ellipsis: true },
          {
            key: 'sessions',
            title: t('staffPage.columns.sessions'),
            width: 80,
            render: (_, person) => t('staffPage.sessions', { count: person.sessionCount }),
          },
        ]}
      />
      {adding && <StaffFormModal onClose={() => setAdding(false)} onSaved={(id) => navigate(`/staff/${id}`)} />}
      {exporting && (
        <ExportDialog
          title={t('staffPage.export')}
          onClose={() => setExporting(false)}
          request={() => ({
            fileName: fileNameOf(t('staff.listTitle'), 'xlsx'),
            format: 'xlsx',
            start: (grant, jobId) => api.staff.export({ grant, jobId }),
          })}
        >
          <Typography.Paragraph>{t('staffPage.exportHelp', { count: found.data?.items.length ?? 0 })}</Typography.Paragraph>
        </ExportDialog>
      )}
    </Card>
  );
};
