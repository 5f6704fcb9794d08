import type { Settings } from '../settings/schemas';

type Room = Pick<Settings['classroom'], 'seats' | 'aisles' | 'podium'>;

// The seats of a row as a chart draws them, left to right, each saying whether an aisle follows it.
// Drawn with the 主席台 at the top, the chart is the hall seen from the back: seat 1 on the left.
// With the 主席台 at the bottom it is the hall seen from the platform, turned half round: the front
// row at the bottom and seat 1 on the right.
export const seatColumns = (room: Room): { seat: number; aisleAfter: boolean }[] => {
  const order = Array.from({ length: room.seats }, (_, i) => (room.podium === 'bottom' ? room.seats - i : i + 1));
  return order.map((seat, i) => {
    const next = order[i + 1];
    return { seat, aisleAfter: next !== undefined && room.aisles.includes(Math.min(seat, next)) };
  });
};

// The rows as drawn from the top of the chart: the front row first, or last when the 主席台 is below.
export const rowOrder = (rows: number, podium: Settings['classroom']['podium']): number[] =>
  Array.from({ length: rows }, (_, i) => (podium === 'bottom' ? rows - i : i + 1));
