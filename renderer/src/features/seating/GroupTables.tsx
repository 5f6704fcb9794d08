import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeatPerson, SeatingView } from '../../../../shared/seating/schemas';
import { chineseNumber } from '../../../../shared/text/chinese-numbers';
import { groupColour } from './group-colour';

// 结构化研讨: a table per group, its 组长 first, the tables in rows under the 主席台. Who sits at
// which table follows the roster's groups (changed there, not here).
export const GroupTables = ({ view, podium }: { view: SeatingView; podium: ReactNode }) => {
  const { t } = useTranslation();
  const chair = (p: SeatPerson) => (
    <Flex key={p.enrolmentId} vertical align="center" style={{ minWidth: 64 }} data-testid="table-member">
      <Typography.Text strong={p.leader} style={{ whiteSpace: 'nowrap' }}>
        {p.name}
      </Typography.Text>
      {p.role && (
        <Tag color={p.leader ? 'blue' : 'red'} style={{ fontSize: 10, lineHeight: '14px', padding: '0 3px', marginInlineEnd: 0 }}>
          {p.role}
        </Tag>
      )}
    </Flex>
  );
  const tables = (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', gap: 16 }}>
      {view.tables.map((table) => {
        const colour = groupColour(table.group);
        const half = Math.ceil(table.members.length / 2);
        return (
          <Card key={table.group ?? 0} size="small" data-testid="group-table" styles={{ body: { padding: 12 } }}>
            <Flex vertical gap={8} align="stretch">
              <Flex justify="center" gap={6} wrap>
                {table.members.slice(0, half).map(chair)}
              </Flex>
              <div
                style={{
                  textAlign: 'center',
                  padding: '10px 0',
                  borderRadius: 8,
                  border: `2px solid ${colour.border}`,
                  background: colour.background,
                  color: colour.text,
                  fontWeight: 600,
                }}
              >
                {table.group === null
                  ? t('documents.roster.ungrouped')
                  : t('documents.groupN', { n: chineseNumber(table.group) })}
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontWeight: 400 }}>
                  {t('seatingPage.people', { count: table.members.length })}
                </Typography.Text>
              </div>
              <Flex justify="center" gap={6} wrap>
                {table.members.slice(half).map(chair)}
              </Flex>
            </Flex>
          </Card>
        );
      })}
    </div>
  );
  return (
    <Flex vertical gap={14}>
      {view.room.podium === 'top' && podium}
      {tables}
      {view.room.podium === 'bottom' && podium}
    </Flex>
  );
};
