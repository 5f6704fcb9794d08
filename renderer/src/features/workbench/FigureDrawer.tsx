import { Drawer, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FigureKey } from '../../../../shared/workbench/schemas';
import { api } from '../../api';
import { useQuery } from '../../app/use-query';

// Where a row of each list opens its class.
const tabOf: Record<FigureKey, string> = {
  classes: 'overview',
  trainees: 'roster',
  trainingDays: 'schedule',
  visits: 'schedule',
  labourHours: 'lodging',
  reports: 'reports',
  excellent: 'reports',
  satisfiedRate: 'surveys',
};

// The list behind a figure of the workbench: what it counts, row by row; a row opens its class.
export const FigureDrawer = ({ year, figure, onClose }: { year: number; figure: FigureKey; onClose: () => void }) => {
  const { t } = useTranslation();
  const list = useQuery(() => api.workbench.figureList({ year, figure }), `figure-list:${year}:${figure}`);
  const l = list.data;
  return (
    <Drawer open onClose={onClose} size="large" title={l?.title ?? t(`workbench.figures.${figure}`)} data-testid="figure-list">
      {l && (
        <>
          <Typography.Paragraph type="secondary">{t('workbench.listHint', { count: l.rows.length })}</Typography.Paragraph>
          <Table
            size="small"
            rowKey={(_, index) => String(index)}
            dataSource={l.rows}
            pagination={l.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            locale={{ emptyText: t('workbench.noData') }}
            columns={l.columns.map((column, index) => ({
              key: String(index),
              title: column.label,
              align: column.align,
              // The first cell opens the row's class (a link: Tab and Enter reach it too).
              render: (_: unknown, row: (typeof l.rows)[number]) =>
                index === 0 ? <Link to={`/classes/${row.classId}?tab=${tabOf[figure]}`}>{row.cells[0]}</Link> : row.cells[index],
            }))}
          />
        </>
      )}
    </Drawer>
  );
};
