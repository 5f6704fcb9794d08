import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { hostsValues, roomLabels } from '../../../../shared/lodging/schemas';
import { api } from '../../api';
import { LodgingUnitFormModal, type UnitFormProps } from './LodgingUnitFormModal';

const fieldNames = ['head', 'floor', 'beds', 'hosts', 'notes'] as const;

// Issues said as the room's form says its fields (房间号, 床位, 性别), as the core says them.
const labels = Object.fromEntries(Object.entries(roomLabels).map(([path, key]) => [path.replace(/^fields\./, ''), key]));

// A dormitory's or hotel's room: its number, floor, beds, and whether men or women sleep in it.
export const RoomFormModal = (props: UnitFormProps) => {
  const { t } = useTranslation();
  return (
    <LodgingUnitFormModal
      {...props}
      title={props.editing ? t('roomsPage.editTitle', { name: props.editing.head }) : t('roomsPage.addTitle')}
      width={560}
      testId="room-form"
      initialValues={{ hosts: 'any', mixedRooms: false, active: true, beds: 2, floor: null }}
      fieldNames={fieldNames}
      labels={labels}
      save={api.lodging.saveRoom}
      saved={(name) => t('roomsPage.saved', { name })}
      fields={(rule) => (
        <>
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
        </>
      )}
    />
  );
};
