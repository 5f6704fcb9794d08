import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileNameOf } from '../../../../shared/files/schemas';
import type { OutputOf } from '../../../../shared/contract';
import type { Household } from '../../../../shared/lodging/schemas';
import type { PointDetail } from '../../../../shared/sites/schemas';
import { api } from '../../api';
import { useQuery } from '../../app/use-query';
import { ExportDialog } from '../../components/ExportDialog';
import { useTableImport } from '../../components/use-table-import';
import type { UnitFormProps } from './LodgingUnitFormModal';

// The words of one kind of unit's card, each already said for this point.
export type UnitCardWords = {
  card: string;
  import: string;
  importTitle: string;
  imported: (counts: OutputOf<'lodging.importHouseholds'>) => string;
  export: string;
  add: string;
  none: string;
  // Whose name a row of an imported sheet is known by (户主, 房间号).
  who: string;
  // The export's file name, before the point's name is put in front of it.
  listTitle: string;
  totals: (units: number, beds: number) => string;
};

// A lodging point's units (a village's host households, a dormitory's or hotel's rooms): one list on
// the same channels, so the card is one card; what differs is given — its words, test ids, the
// columns between a unit's name and its edit button, and the form that adds and edits one.
export const LodgingUnitsCard = ({
  point,
  words,
  testIds,
  columns,
  UnitForm,
}: {
  point: PointDetail;
  words: UnitCardWords;
  testIds: { card?: string | undefined; table: string };
  columns: ColumnsType<Household>;
  UnitForm: ComponentType<UnitFormProps>;
}) => {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Household | 'new'>();
  const [exporting, setExporting] = useState(false);
  const importer = useTableImport();
  const units = useQuery(() => api.lodging.households({ siteId: point.id }), `households:${point.id}`);
  const active = (units.data ?? []).filter((unit) => unit.active);
  const totals = words.totals(
    active.length,
    active.reduce((sum, unit) => sum + unit.beds, 0),
  );
  const runImport = () =>
    void importer.run({
      source: 'households',
      title: words.importTitle,
      whoLabel: words.who,
      preview: (grant, jobId) => api.lodging.importHouseholdsPreview({ siteId: point.id, grant, jobId }),
      commit: (grant, token, jobId) => api.lodging.importHouseholds({ siteId: point.id, grant, token, jobId }),
      done: words.imported,
    });
  return (
    <Card
      size="small"
      title={words.card}
      data-testid={testIds.card}
      extra={
        <Space>
          <Button icon={<UploadOutlined />} onClick={runImport}>
            {words.import}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)}>
            {words.export}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {words.add}
          </Button>
        </Space>
      }
    >
      {importer.dialog}
      <Typography.Paragraph type="secondary">{totals}</Typography.Paragraph>
      <Table<Household>
        rowKey="id"
        size="small"
        data-testid={testIds.table}
        dataSource={units.data ?? []}
        pagination={false}
        locale={{ emptyText: words.none }}
        columns={[
          ...columns,
          {
            key: 'edit',
            width: 44,
            render: (_, unit) => (
              <Button
                type="text"
                size="small"
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                onClick={() => setEditing(unit)}
              />
            ),
          },
        ]}
      />
      {editing && (
        <UnitForm siteId={point.id} editing={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />
      )}
      {exporting && (
        <ExportDialog
          title={words.export}
          onClose={() => setExporting(false)}
          request={() => ({
            fileName: fileNameOf(`${point.name}${words.listTitle}`, 'xlsx'),
            format: 'xlsx',
            start: (grant, jobId) => api.lodging.exportHouseholds({ siteId: point.id, grant, jobId }),
          })}
        >
          <Typography.Paragraph>{totals}</Typography.Paragraph>
        </ExportDialog>
      )}
    </Card>
  );
};
