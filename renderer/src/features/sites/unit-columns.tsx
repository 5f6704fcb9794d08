import { Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { Household } from '../../../../shared/lodging/schemas';

// The columns a household's and a room's tables share, in the words and widths each card gives them.
type UnitColumn = ColumnType<Household>;

// The unit's name (户主, 房间号), tagged when it takes nobody now.
export const headColumn = (title: string, width: number, inactive: (unit: Household) => string): UnitColumn => ({
  key: 'head',
  title,
  width,
  render: (_, unit) => (
    <Space size={4}>
      {unit.head}
      {!unit.active && <Tag>{inactive(unit)}</Tag>}
    </Space>
  ),
});

export const bedsColumn = (title: string): UnitColumn => ({ key: 'beds', title, dataIndex: 'beds', width: 60, align: 'center' });

// Whom it takes, coloured as the board colours men and women.
export const hostsColumn = (title: string, label: (unit: Household) => ReactNode): UnitColumn => ({
  key: 'hosts',
  title,
  width: 100,
  render: (_, unit) => (
    <Tag color={unit.hosts === 'male' ? 'blue' : unit.hosts === 'female' ? 'magenta' : 'default'}>{label(unit)}</Tag>
  ),
});

export const notesColumn = (title: string): UnitColumn => ({ key: 'notes', title, dataIndex: 'notes', ellipsis: true });
