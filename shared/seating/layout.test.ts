import { describe, expect, it } from 'vitest';
import { rowOrder, seatColumns } from './layout';

describe('a classroom as a chart draws it', () => {
  it('seen from the back: seat 1 on the left, aisles after their seats', () => {
    expect(seatColumns({ seats: 6, aisles: [2, 4], podium: 'top' })).toEqual([
      { seat: 1, aisleAfter: false },
      { seat: 2, aisleAfter: true },
      { seat: 3, aisleAfter: false },
      { seat: 4, aisleAfter: true },
      { seat: 5, aisleAfter: false },
      { seat: 6, aisleAfter: false },
    ]);
    expect(rowOrder(3, 'top')).toEqual([1, 2, 3]);
  });
  it('seen from the platform: turned half round, the same aisles between the same seats', () => {
    expect(seatColumns({ seats: 6, aisles: [2, 4], podium: 'bottom' })).toEqual([
      { seat: 6, aisleAfter: false },
      { seat: 5, aisleAfter: true },
      { seat: 4, aisleAfter: false },
      { seat: 3, aisleAfter: true },
      { seat: 2, aisleAfter: false },
      { seat: 1, aisleAfter: false },
    ]);
    expect(rowOrder(3, 'bottom')).toEqual([3, 2, 1]);
  });
});
