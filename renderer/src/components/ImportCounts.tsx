import { Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';

const colors = { added: '#1d4f91', updated: '#d48806', unchanged: '#8c8c8c', rejected: '#cf1322' } as const;
type CountKey = keyof typeof colors;

// What an import will do, as every import's preview shows it: 新增, 更新, 未变 (and 拒绝 where rows
// can be refused one by one), each in its colour.
export const ImportCounts = ({ keys, counts }: { keys: readonly CountKey[]; counts: Partial<Record<CountKey, number>> }) => {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      {keys.map((key) => (
        <Col span={24 / keys.length} key={key}>
          <Statistic
            title={t(`importWizard.counts.${key}`)}
            value={counts[key] ?? 0}
            styles={{ content: { color: colors[key] } }}
            data-testid={`count-${key}`}
          />
        </Col>
      ))}
    </Row>
  );
};
