import { Col, Modal, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useQuery } from '../../app/use-query';
import { moduleColor } from './session-text';

type Line = { name: string; hours: number; sessions: number };

// A table with a bar in each row: the chart and the figures in one place, printable as they are.
const BalanceTable = ({ title, lines, colour }: { title: string; lines: readonly Line[]; colour: (name: string) => string }) => {
  const { t } = useTranslation();
  const most = Math.max(1, ...lines.map((line) => line.hours));
  return (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table<Line>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={[...lines]}
        columns={[
          { key: 'name', title: '', render: (_, line) => line.name || t('common.none') },
          {
            key: 'bar',
            title: t('schedulePage.hours'),
            width: '45%',
            render: (_, line) => (
              <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <div
                  role="presentation"
                  style={{
                    height: 12,
                    width: `${(line.hours / most) * 100}%`,
                    minWidth: line.hours > 0 ? 2 : 0,
                    background: colour(line.name),
                    borderRadius: 2,
                  }}
                />
                <span style={{ whiteSpace: 'nowrap' }}>{line.hours}</span>
              </div>
            ),
          },
          { key: 'sessions', title: t('schedulePage.sessions'), dataIndex: 'sessions', width: 60 },
        ]}
      />
    </>
  );
};

// Hours per module and per format: whether the five modules of the curriculum are in balance.
export const BalanceModal = ({
  classId,
  sessionCount,
  onClose,
}: {
  classId: number;
  sessionCount: number;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const balance = useQuery(() => api.schedule.balance({ classId }), `balance:${classId}`);
  const modules = useQuery(() => api.vocab.get({ kind: 'module' }), 'vocab:module');
  const data = balance.data;
  return (
    <Modal open title={t('schedulePage.balanceTitle')} onCancel={onClose} footer={null} width={900}>
      {data && (
        <div data-testid="balance">
          <Typography.Paragraph>
            {t('schedulePage.totalHours', {
              count: sessionCount,
              hours: data.totalHours,
            })}
          </Typography.Paragraph>
          <Row gutter={24}>
            <Col span={13}>
              <BalanceTable
                title={t('schedulePage.byModule')}
                lines={data.modules}
                colour={(name) => moduleColor(name, modules.data ?? [])}
              />
            </Col>
            <Col span={11}>
              <BalanceTable title={t('schedulePage.byFormat')} lines={data.formats} colour={() => '#6b8fc7'} />
            </Col>
          </Row>
        </div>
      )}
    </Modal>
  );
};
