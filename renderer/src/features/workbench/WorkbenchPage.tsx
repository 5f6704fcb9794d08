import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, List, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { fileNameOf } from '../../../../shared/files/schemas';
import type { FigureKey, TodoKind } from '../../../../shared/workbench/schemas';
import { api } from '../../api';
import { useRead } from '../../app/use-query';
import { ExportDialog } from '../../components/ExportDialog';
import { checkinRate } from '../checkin/rate';
import { Chart, type ChartSpec } from './Chart';
import { FigureDrawer } from './FigureDrawer';
import { workbenchReads as reads } from './reads';

const tabOf: Record<TodoKind, string> = {
  reportsMissing: 'reports',
  conflicts: 'schedule',
  missingIds: 'roster',
  householdsUnconfirmed: 'lodging',
  surveysMissing: 'surveys',
};

// The first thing a 教务处 looks at: what is under way and coming, today's sessions, what needs doing,
// and the year in figures and charts — each figure opening the list behind it.
export const WorkbenchPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [year, setYear] = useState<number>();
  const [opened, setOpened] = useState<FigureKey>();
  const [exporting, setExporting] = useState(false);
  const overview = useRead(reads.overview(year));
  const conflicts = useRead(reads.conflicts);
  const o = overview.data;
  const todo = useMemo(() => [...(conflicts.data ?? []), ...(o?.todo ?? [])], [conflicts.data, o?.todo]);
  const charts = useMemo((): { key: 'byUnit' | 'byMonth' | 'byModule' | 'satisfaction'; spec: ChartSpec }[] => {
    if (!o) return [];
    return [
      {
        key: 'byUnit',
        spec: {
          kind: 'bar',
          horizontal: true,
          categories: o.charts.traineesByUnit.map((x) => x.name),
          values: o.charts.traineesByUnit.map((x) => x.value),
          unit: t('workbench.people'),
        },
      },
      {
        key: 'byMonth',
        spec: {
          kind: 'bar',
          categories: o.charts.traineesByMonth.map((_, i) => t('workbench.month', { n: i + 1 })),
          values: o.charts.traineesByMonth,
          unit: t('workbench.people'),
        },
      },
      {
        key: 'byModule',
        spec: {
          kind: 'bar',
          horizontal: true,
          categories: o.charts.hoursByModule.map((x) => x.name),
          values: o.charts.hoursByModule.map((x) => x.value),
          unit: t('workbench.hours'),
        },
      },
      {
        key: 'satisfaction',
        spec: {
          kind: 'bar',
          categories: o.charts.satisfactionByClass.map((x) => x.name),
          values: o.charts.satisfactionByClass.map((x) => x.value),
          unit: '%',
        },
      },
    ];
  }, [o, t]);
  if (!o) return null;
  // A school with no class yet: where to begin.
  // A school with no class yet (the year picker then offers only this year, and it has none): where
  // to begin.
  if (o.years.length === 1 && o.figures.classes === 0)
    return (
      <Card data-testid="workbench-empty">
        <Empty description={t('workbench.empty')}>
          <Typography.Paragraph type="secondary">{t('workbench.emptyHint')}</Typography.Paragraph>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/classes?do=first')}>
            {t('classes.new')}
          </Button>
        </Empty>
      </Card>
    );
  const figure = (key: FigureKey, suffix = '') => (
    <Col xs={12} md={6} xl={3} key={key}>
      <Card
        size="small"
        hoverable
        role="button"
        tabIndex={0}
        aria-label={t('workbench.openList', { figure: t(`workbench.figures.${key}`) })}
        onClick={() => setOpened(key)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            setOpened(key);
          }
        }}
        data-testid={`figure-${key}`}
      >
        <Statistic
          title={t(`workbench.figures.${key}`)}
          value={o.figures[key] ?? '—'}
          suffix={o.figures[key] === null ? '' : suffix}
          // Eight across at 1280 px: a figure and its unit on one line ("276 小时", not "276" over "小时").
          styles={{ content: { whiteSpace: 'nowrap', fontSize: 'clamp(18px, 1.6vw, 24px)' } }}
        />
      </Card>
    </Col>
  );
  return (
    <Flex vertical gap={16} data-testid="workbench">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('workbench.title')}
        </Typography.Title>
        <Space>
          <Select
            aria-label={t('workbench.year')}
            value={o.year}
            onChange={setYear}
            style={{ width: 120 }}
            options={o.years.map((value) => ({ value, label: t('workbench.yearLabel', { year: value }) }))}
          />
          <Button icon={<FileExcelOutlined />} onClick={() => setExporting(true)}>
            {t('workbench.export')}
          </Button>
        </Space>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('workbench.current')} style={{ height: '100%' }}>
            <List
              size="small"
              dataSource={o.classes}
              locale={{ emptyText: t('workbench.noCurrent') }}
              renderItem={(c) => (
                <List.Item>
                  <Link to={`/classes/${c.id}`}>{c.name}</Link>
                  <Tag color={c.daysToStart === 0 ? 'green' : 'blue'}>
                    {c.daysToStart === 0 ? t('workbench.underWay') : t('workbench.daysToStart', { days: c.daysToStart })}
                  </Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('workbench.today')} style={{ height: '100%' }}>
            <List
              size="small"
              dataSource={o.today}
              header={
                o.checkins.length > 0 ? (
                  <Flex vertical gap={4} data-testid="workbench-checkins">
                    {o.checkins.map((c) => (
                      <Link key={c.classId} to={`/classes/${c.classId}?tab=checkin`}>
                        {t('workbench.checkinLine', {
                          className: c.className,
                          arrived: c.arrived,
                          expected: c.expected,
                          rate: checkinRate(c.rate),
                        })}
                      </Link>
                    ))}
                  </Flex>
                ) : undefined
              }
              locale={{ emptyText: t('workbench.noToday') }}
              renderItem={(s) => (
                <List.Item>
                  <Typography.Text>{t('workbench.sessionLine', { start: s.start, end: s.end, title: s.title })}</Typography.Text>
                  <Link to={`/classes/${s.classId}?tab=schedule`}>{s.className}</Link>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('workbench.todo')} style={{ height: '100%' }}>
            <List
              size="small"
              dataSource={todo}
              data-testid="workbench-todo"
              locale={{ emptyText: t('workbench.nothingToDo') }}
              renderItem={(item) => (
                <List.Item>
                  <Link to={`/classes/${item.classId}?tab=${tabOf[item.kind]}`}>
                    {t(`workbench.todoKinds.${item.kind}`, { count: item.count })}
                  </Link>
                  <Typography.Text type="secondary">{item.className}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        {figure('classes')}
        {figure('trainees', t('workbench.peopleSuffix'))}
        {figure('trainingDays', t('workbench.daysSuffix'))}
        {figure('visits', t('workbench.timesSuffix'))}
        {figure('labourHours', t('workbench.hoursSuffix'))}
        {figure('reports', t('workbench.piecesSuffix'))}
        {figure('excellent', t('workbench.piecesSuffix'))}
        {figure('satisfiedRate', '%')}
      </Row>
      <Row gutter={[16, 16]}>
        {charts.map(({ key, spec }) => (
          <Col xs={24} xl={12} key={key}>
            <Card size="small" title={t(`workbench.charts.${key}`)}>
              {spec.values.length === 0 || spec.values.every((v) => v === 0) ? (
                <Empty description={t('workbench.noData')} />
              ) : (
                <Chart spec={spec} label={t(`workbench.charts.${key}`)} />
              )}
            </Card>
          </Col>
        ))}
      </Row>
      {opened && <FigureDrawer year={o.year} figure={opened} onClose={() => setOpened(undefined)} />}
      {exporting && (
        <ExportDialog
          title={t('workbench.export')}
          onClose={() => setExporting(false)}
          request={() => ({
            fileName: fileNameOf(t('workbench.exportName', { year: o.year }), 'xlsx'),
            format: 'xlsx',
            start: (grant, jobId) => api.workbench.export({ year: o.year, grant, jobId }),
          })}
        >
          <Typography.Paragraph>{t('workbench.exportHelp', { year: o.year })}</Typography.Paragraph>
        </ExportDialog>
      )}
    </Flex>
  );
};
