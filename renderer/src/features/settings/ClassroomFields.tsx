import { Flex, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { rowOrder, seatColumns } from '../../../../shared/seating/layout';
import { classroomLimits, podiumSides, type Settings } from '../../../../shared/settings/schemas';

type Classroom = Settings['classroom'];

// The classroom a 座次表 is drawn for: rows, seats per row, aisles (after which seats) and the
// 主席台's side. Fewer seats drop the aisles past the last one, as the settings schema would refuse them.
export const ClassroomFields = ({ value, onChange }: { value: Classroom; onChange: (next: Classroom) => void }) => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      <Flex gap={12} wrap align="center">
        <Space>
          {t('exportDialog.classroomRows')}
          <InputNumber
            min={1}
            max={classroomLimits.rows}
            precision={0}
            value={value.rows}
            onChange={(rows) => onChange({ ...value, rows: rows ?? value.rows })}
            data-testid="classroom-rows"
            aria-label={t('exportDialog.classroomRows')}
          />
        </Space>
        <Space>
          {t('exportDialog.classroomSeats')}
          <InputNumber
            min={2}
            max={classroomLimits.seats}
            precision={0}
            value={value.seats}
            onChange={(seats) => {
              const next = seats ?? value.seats;
              onChange({ ...value, seats: next, aisles: value.aisles.filter((k) => k < next) });
            }}
            data-testid="classroom-seats"
            aria-label={t('exportDialog.classroomSeats')}
          />
        </Space>
        <Space>
          {t('exportDialog.classroomAisles')}
          <Select
            mode="multiple"
            style={{ minWidth: 140 }}
            maxCount={classroomLimits.aisles}
            value={value.aisles}
            onChange={(aisles) => onChange({ ...value, aisles: [...aisles].sort((a, b) => a - b) })}
            options={Array.from({ length: value.seats - 1 }, (_, i) => ({ value: i + 1, label: String(i + 1) }))}
            aria-label={t('exportDialog.classroomAisles')}
            data-testid="classroom-aisles"
          />
        </Space>
      </Flex>
      <Space>
        {t('classroomSettings.podium')}
        <Radio.Group
          value={value.podium}
          onChange={(event) => onChange({ ...value, podium: event.target.value })}
          options={podiumSides.map((side) => ({ value: side, label: t(`classroomSettings.podiumSides.${side}`) }))}
          data-testid="classroom-podium"
        />
      </Space>
    </Flex>
  );
};

// A small drawing of the room: a square a seat, a gap an aisle, the 主席台 on its side.
export const ClassroomPreview = ({ value }: { value: Classroom }) => {
  const { t } = useTranslation();
  const drawn = seatColumns(value);
  const podium = (
    <div
      style={{
        width: '50%',
        margin: '0 auto',
        textAlign: 'center',
        border: '1px solid #999',
        borderRadius: 3,
        background: '#f5f5f5',
        fontSize: 12,
        letterSpacing: '0.5em',
      }}
    >
      {t('classroomSettings.podiumLabel')}
    </div>
  );
  // Drawn as the charts are: the front row nearest the 主席台, 第一排第一座 filled in.
  const rows = rowOrder(value.rows, value.podium).map((r) => (
    <Flex key={r} gap={3} justify="center">
      {drawn.map(({ seat, aisleAfter }) => (
        <Fragment key={seat}>
          <div
            style={{
              width: 14,
              height: 12,
              border: '1px solid #8c8c8c',
              borderRadius: 2,
              background: r === 1 && seat === 1 ? '#91caff' : '#fff',
            }}
          />
          {aisleAfter ? <div style={{ width: 10 }} /> : null}
        </Fragment>
      ))}
    </Flex>
  ));
  return (
    <Flex
      vertical
      gap={4}
      style={{ display: 'inline-flex', padding: 8, border: '1px dashed #d9d9d9' }}
      data-testid="classroom-preview"
    >
      {value.podium === 'top' && podium}
      <Flex vertical gap={3} style={{ marginTop: 4, marginBottom: 4 }}>
        {rows}
      </Flex>
      {value.podium === 'bottom' && podium}
      <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
        {t('classroomSettings.summary', { rows: value.rows, seats: value.seats, count: value.rows * value.seats })}
      </Typography.Text>
    </Flex>
  );
};
