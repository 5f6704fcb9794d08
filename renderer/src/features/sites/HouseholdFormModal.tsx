import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { hostsValues } from '../../../../shared/lodging/schemas';
import { api } from '../../api';
import { LodgingUnitFormModal, type UnitFormProps } from './LodgingUnitFormModal';

const fieldNames = ['head', 'phone', 'address', 'beds', 'hosts', 'mixedRooms', 'notes'] as const;

// Rooms apart matter only to a household that takes men and women.
const MixedRoomsItem = ({ rule }: { rule: Rule }) => {
  const { t } = useTranslation();
  const hosts = Form.useWatch('hosts', Form.useFormInstance());
  return (
    <Form.Item name="mixedRooms" valuePropName="checked" rules={[rule]} extra={t('sitesPage.mixedRoomsHelp')}>
      <Checkbox disabled={hosts !== undefined && hosts !== 'any'}>{t('fields.mixedRooms')}</Checkbox>
    </Form.Item>
  );
};

// A village's host household: its head, phone, beds, address, whom it takes.
export const HouseholdFormModal = (props: UnitFormProps) => {
  const { t } = useTranslation();
  return (
    <LodgingUnitFormModal
      {...props}
      title={props.editing ? t('sitesPage.editHouseholdTitle', { name: props.editing.head }) : t('sitesPage.householdTitle')}
      width={640}
      testId="household-form"
      initialValues={{ hosts: 'any', mixedRooms: false, active: true, beds: 2 }}
      fieldNames={fieldNames}
      save={api.lodging.saveHousehold}
      saved={(name) => t('sitesPage.saved', { name })}
      fields={(rule) => (
        <>
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
          <MixedRoomsItem rule={rule('mixedRooms')} />
          <Form.Item name="notes" label={t('fields.notes')} rules={[rule('notes')]}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
        </>
      )}
    />
  );
};
