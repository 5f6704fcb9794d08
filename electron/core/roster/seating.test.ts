import { describe, expect, it } from 'vitest';
import { arrangeSeats } from './seating';

describe('seating', () => {
  const person = (name: string, role = '', group: number | null = 1) => ({ name, unit: '', position: '', group, role });
  it('fills the front row first, the committee in front when asked (班长 leading), group leaders staying put', () => {
    const people = [person('甲'), person('乙', '组长'), person('丙', '学习委员'), person('丁'), person('戊', '班长')];
    const room = { rows: 2, seats: 3, aisles: [1] };
    const plain = arrangeSeats(people, room, false);
    expect(plain.rows.map((row) => row.map((p) => p?.name ?? null))).toEqual([
      ['甲', '乙', '丙'],
      ['丁', '戊', null],
    ]);
    const front = arrangeSeats(people, room, true);
    expect(front.rows[0]?.map((p) => p?.name)).toEqual(['戊', '丙', '甲']);
    expect(front.extraRows).toBe(0);
  });
  it('adds rows at the back when the room is too small', () => {
    const people = Array.from({ length: 7 }, (_, i) => person(`人${i}`));
    const seating = arrangeSeats(people, { rows: 1, seats: 3 }, false);
    expect(seating.rows).toHaveLength(3);
    expect(seating.extraRows).toBe(2);
  });
});
