import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileNameOf } from '../../../../shared/files/schemas';
import {
  type Household,
  type HouseholdFieldsInput,
  householdFieldsSchema,
  hostsValues,
} from '../../../../shared/lodging/schemas';
import type { PointDetail } from '../../../../shared/sites/schemas';
import { toFieldIssues } from '../../../../shared/validation';
import { api } from '../../api';
import { useFieldRule, useSubmit } from '../../app/form-issues';
import { useQuery } from '../../app/use-query';
import { ExportDialog } from '../../components/ExportDialog';
import { FormModal } from '../../components/FormModal';
import { useTableImport } from '../../components/use-table-import';

const fieldNames = ['head', 'phone', 'address', 'beds', 'hosts', 'mixedRooms', 'notes'] as const;

const HouseholdFormModal = ({
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
    return parsed.success ? [] : toFieldIssues(parsed.error.issues);
  };
  const rule = (field: (typeof fieldNames)[number]) => fieldRule(issues, field);
  // Rooms apart matter only to a household that takes men and women.
  const hosts = Form.useWatch('hosts', form);
  const save = () =>
    submit(
      () => api.lodging.saveHousehold({ siteId, id: editing?.id, fields: form.getFieldsValue(true) }),
      (value) => {
        message.success(t('sitesPage.saved', { name: value.head }));
        onClose();
      },
    );
  return (
    <FormModal
      title={editing ? t('sitesPage.editHouseholdTitle', { name: editing.head }) : t('sitesPage.householdTitle')}
      width={640}
      saving={saving}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ?? { hosts: 'any', mixedRooms: false, active: true, beds: 2 }}
        data-testid="household-form"
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="head" label={t('fields.head')} required rules={[rule('head')]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label={t('fields.phone')} rules={[rule('phone')]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="beds" label={t('fields.beds')} required rules={[rule('beds')]}>
              <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="active" label={t('fields.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="address" label={t('fields.address')} rules={[rule('address')]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="hosts" label={t('fields.hosts')} rules={[rule('hosts')]}>
              <Select options={hostsValues.map((value) => ({ value, label: t(`lodging.hosts.${value}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="mixedRooms" valuePropName="checked" rules={[rule('mixedRooms')]} extra={t('sitesPage.mixedRoomsHelp')}>
          <Checkbox disabled={hosts !== undefined && hosts !== 'any'}>{t('fields.mixedRooms')}</Checkbox>
        </Form.Item>
        <Form.Item name="notes" label={t('fields.notes')} rules={[rule('notes')]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

// A village's host households: the list, each one editable, and the same as a spreadsheet.
export const HouseholdsCard = ({ point }: { point: PointDetail }) => {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Household | 'new'>();
  const [exporting, setExporting] = useState(false);
  const importer = useTableImport();
  const households = useQuery(() => api.lodging.households({ siteId: point.id }), `households:${point.id}`);
  const active = (households.data ?? []).filter((h) => h.active);
  return (
    <Card
      size="small"
      title={t('sitesPage.households')}
      extra={
        <Space>
          <Button
            icon={<UploadOutlined />}
            onClick={() =>
              void importer.run({
                source: 'households',
                title: t('sitesPage.importHouseholdsTitle', { name: point.name }),
                whoLabel: t('sitesPage.householdColumns.head'),
                preview: (grant, jobId) => api.lodging.importHouseholdsPreview({ siteId: point.id, grant, jobId }),
                commit: (grant, token, jobId) => api.lodging.importHouseholds({ siteId: point.id, grant, token, jobId }),
                done: (counts) => t('sitesPage.householdsImported', counts),
              })
            }
          >
            {t('sitesPage.importHouseholds')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)}>
            {t('sitesPage.exportHouseholds')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('sitesPage.addHousehold')}
          </Button>
        </Space>
      }
    >
      {importer.dialog}
      <Typography.Paragraph type="secondary">
        {t('sitesPage.bedsTotal', { households: active.length, beds: active.reduce((sum, h) => sum + h.beds, 0) })}
      </Typography.Paragraph>
      <Table<Household>
        rowKey="id"
        size="small"
        data-testid="households-table"
        dataSource={households.data ?? []}
        pagination={false}
        locale={{ emptyText: t('sitesPage.noHouseholds') }}
        columns={[
          {
            key: 'head',
            title: t('sitesPage.householdColumns.head'),
            // These columns are kept to what their words need, so that 备注 shows more than a
            // character or two at 1280 px.
            width: 120,
            render: (_, h) => (
              <Space size={4}>
                {h.head}
                {!h.active && <Tag>{t(h.beds === 0 ? 'lodgingPage.notHosting' : 'sitesPage.inactive')}</Tag>}
              </Space>
            ),
          },
          { key: 'phone', title: t('sitesPage.householdColumns.phone'), dataIndex: 'phone', width: 116 },
          { key: 'address', title: t('sitesPage.householdColumns.address'), dataIndex: 'address', width: 100, ellipsis: true },
          { key: 'beds', title: t('sitesPage.householdColumns.beds'), dataIndex: 'beds', width: 60, align: 'center' },
          {
            key: 'hosts',
            title: t('sitesPage.householdColumns.hosts'),
            width: 100,
            render: (_, h) => (
              <Tag color={h.hosts === 'male' ? 'blue' : h.hosts === 'female' ? 'magenta' : 'default'}>
                {t(`lodging.hosts.${h.hosts}`)}
                {h.hosts === 'any' && h.mixedRooms && `·${t('sitesPage.mixedRoomsTag')}`}
              </Tag>
            ),
          },
          { key: 'notes', title: t('sitesPage.householdColumns.notes'), dataIndex: 'notes', ellipsis: true },
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
        <HouseholdFormModal
          siteId={point.id}
          editing={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
        />
      )}
      {exporting && (
        <ExportDialog
          title={t('sitesPage.exportHouseholds')}
          onClose={() => setExporting(false)}
          request={() => ({
            fileName: fileNameOf(`${point.name}${t('lodging.doc.householdsTitle')}`, 'xlsx'),
            format: 'xlsx',
            start: (grant, jobId) => api.lodging.exportHouseholds({ siteId: point.id, grant, jobId }),
          })}
        >
          <Typography.Paragraph>
            {t('sitesPage.bedsTotal', { households: active.length, beds: active.reduce((s, h) => s + h.beds, 0) })}
          </Typography.Paragraph>
        </ExportDialog>
      )}
    </Card>
  );
};
