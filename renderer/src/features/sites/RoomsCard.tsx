import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileNameOf } from '../../../../shared/files/schemas';
import {
  type Household,
  type HouseholdFieldsInput,
  householdFieldsSchema,
  hostsValues,
  roomLabels,
} from '../../../../shared/lodging/schemas';
import type { PointDetail } from '../../../../shared/sites/schemas';
import { toFieldIssues } from '../../../../shared/validation';
import { api } from '../../api';
import { useFieldRule, useSubmit } from '../../app/form-issues';
import { useQuery } from '../../app/use-query';
import { ExportDialog } from '../../components/ExportDialog';
import { FormModal } from '../../components/FormModal';
import { useTableImport } from '../../components/use-table-import';

// A dormitory's or hotel's rooms (房间号, 楼层, 床位, 男/女): lodging units as a village's households are,
// saved through the same channels, so that stays, the board and the exports serve them unchanged.

const fieldNames = ['head', 'floor', 'beds', 'hosts', 'notes'] as const;

const RoomFormModal = ({
  siteId,
  editing,
  onClose,
}: {
  siteId: number;
  editing?: Household | undefined;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldRule = useFieldRule();
  const [form] = Form.useForm<HouseholdFieldsInput>();
  const { saving, submit } = useSubmit(form, fieldNames, /^fields\./);
  const issues = () => {
    const parsed = householdFieldsSchema.safeParse(form.getFieldsValue(true), { reportInput: true });
    // Said as the room's form says its fields (房间号, 床位, 性别), as the core says them.
    const labels = Object.fromEntries(Object.entries(roomLabels).map(([path, key]) => [path.replace(/^fields\./, ''), key]));
    return parsed.success ? [] : toFieldIssues(parsed.error.issues, labels);
  };
  const rule = (field: (typeof fieldNames)[number]) => fieldRule(issues, field);
  const save = () =>
    submit(
      () => api.lodging.saveRoom({ siteId, id: editing?.id, fields: form.getFieldsValue(true) }),
      (value) => {
        message.success(t('roomsPage.saved', { name: value.head }));
        onClose();
      },
    );
  return (
    <FormModal
      title={editing ? t('roomsPage.editTitle', { name: editing.head }) : t('roomsPage.addTitle')}
      width={560}
      saving={saving}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ?? { hosts: 'any', mixedRooms: false, active: true, beds: 2, floor: null }}
        data-testid="room-form"
      >
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="head" label={t('roomsPage.fields.head')} required rules={[rule('head')]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="floor" label={t('roomsPage.fields.floor')} rules={[rule('floor')]}>
              <InputNumber min={-9} max={200} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="beds" label={t('roomsPage.fields.beds')} required rules={[rule('beds')]}>
              <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="active" label={t('roomsPage.fields.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="hosts" label={t('roomsPage.fields.hosts')} rules={[rule('hosts')]} extra={t('roomsPage.sexHelp')}>
          <Select options={hostsValues.map((value) => ({ value, label: t(`lodging.room.sex.${value}`) }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('roomsPage.fields.notes')} rules={[rule('notes')]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

export const RoomsCard = ({ point }: { point: PointDetail }) => {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Household | 'new'>();
  const [exporting, setExporting] = useState(false);
  const importer = useTableImport();
  const rooms = useQuery(() => api.lodging.households({ siteId: point.id }), `households:${point.id}`);
  const active = (rooms.data ?? []).filter((h) => h.active);
  const total = t('roomsPage.total', { rooms: active.length, beds: active.reduce((sum, h) => sum + h.beds, 0) });
  return (
    <Card
      size="small"
      title={t('roomsPage.card')}
      data-testid="rooms-card"
      extra={
        <Space>
          <Button
            icon={<UploadOutlined />}
            onClick={() =>
              void importer.run({
                source: 'households',
                title: t('roomsPage.importTitle', { name: point.name }),
                whoLabel: t('roomsPage.fields.head'),
                preview: (grant, jobId) => api.lodging.importHouseholdsPreview({ siteId: point.id, grant, jobId }),
                commit: (grant, token, jobId) => api.lodging.importHouseholds({ siteId: point.id, grant, token, jobId }),
                done: (counts) => t('roomsPage.imported', counts),
              })
            }
          >
            {t('roomsPage.import')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)}>
            {t('roomsPage.export')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('roomsPage.add')}
          </Button>
        </Space>
      }
    >
      {importer.dialog}
      <Typography.Paragraph type="secondary">{total}</Typography.Paragraph>
      <Table<Household>
        rowKey="id"
        size="small"
        data-testid="rooms-table"
        dataSource={rooms.data ?? []}
        pagination={false}
        locale={{ emptyText: t('roomsPage.none') }}
        columns={[
          {
            key: 'head',
            title: t('roomsPage.fields.head'),
            width: 110,
            render: (_, h) => (
              <Space size={4}>
                {h.head}
                {!h.active && <Tag>{t('roomsPage.outOfUse')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'floor',
            title: t('roomsPage.fields.floor'),
            width: 80,
            align: 'center',
            render: (_, h) => (h.floor === null ? '' : t('roomsPage.floorN', { n: h.floor })),
          },
          { key: 'beds', title: t('roomsPage.fields.beds'), dataIndex: 'beds', width: 60, align: 'center' },
          {
            key: 'hosts',
            title: t('roomsPage.fields.hosts'),
            width: 100,
            render: (_, h) => (
              <Tag color={h.hosts === 'male' ? 'blue' : h.hosts === 'female' ? 'magenta' : 'default'}>
                {t(`lodging.room.sex.${h.hosts}`)}
              </Tag>
            ),
          },
          { key: 'notes', title: t('roomsPage.fields.notes'), dataIndex: 'notes', ellipsis: true },
          {
            key: 'edit',
            width: 44,
            render: (_, h) => (
              <Button
                type="text"
                size="small"
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                onClick={() => setEditing(h)}
              />
            ),
          },
        ]}
      />
      {editing && (
        <RoomFormModal
          siteId={point.id}
          editing={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
        />
      )}
      {exporting && (
        <ExportDialog
          title={t('roomsPage.export')}
          onClose={() => setExporting(false)}
          request={() => ({
            fileName: fileNameOf(`${point.name}${t('lodging.room.listTitle')}`, 'xlsx'),
            format: 'xlsx',
            start: (grant, jobId) => api.lodging.exportHouseholds({ siteId: point.id, grant, jobId }),
          })}
        >
          <Typography.Paragraph>{total}</Typography.Paragraph>
        </ExportDialog>
      )}
    </Card>
  );
};
