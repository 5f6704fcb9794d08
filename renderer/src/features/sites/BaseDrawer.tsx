import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Base, Point } from '../../../../shared/sites/schemas';

// A base as the office knows it: where it is, its notes, and each teaching point with whom to call.
export const BaseDrawer = ({ base, onEdit, onClose }: { base: Base; onEdit: () => void; onClose: () => void }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const none = (text: string) => (text === '' ? t('sitesPage.none') : text);
  return (
    <Drawer
      open
      size="large"
      title={t('sitesPage.baseDetails', { name: base.name })}
      onClose={onClose}
      extra={
        <Button icon={<EditOutlined />} onClick={onEdit}>
          {t('sitesPage.edit')}
        </Button>
      }
      data-testid="base-drawer"
    >
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('sitesPage.baseAddress')}>{none(base.address)}</Descriptions.Item>
        <Descriptions.Item label={t('sitesPage.baseNotes')}>{none(base.notes)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('sitesPage.basePoints', { count: base.points.length })}
      </Typography.Title>
      {base.points.length === 0 ? (
        <Empty description={t('sitesPage.baseNoPoints')} />
      ) : (
        <Table<Point>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={base.points}
          columns={[
            {
              key: 'name',
              title: t('sitesPage.pointName'),
              render: (_: unknown, point: Point) => (
                <Typography.Link
                  onClick={() => {
                    onClose();
                    navigate(`/sites/${point.id}`);
                  }}
                >
                  {point.name}
                </Typography.Link>
              ),
            },
            {
              key: 'kind',
              title: t('sitesPage.pointKind'),
              width: 90,
              render: (_: unknown, point: Point) => (
                <>
                  {point.kind}
                  {!point.active && <Tag style={{ marginInlineStart: 4 }}>{t('sitesPage.inactive')}</Tag>}
                </>
              ),
            },
            { key: 'contact', title: t('sitesPage.pointContact'), dataIndex: 'contactName', width: 90 },
            { key: 'phone', title: t('sitesPage.pointPhone'), dataIndex: 'contactPhone', width: 130 },
          ]}
        />
      )}
    </Drawer>
  );
};
