import type { SeatInput, SeatPerson, SeatingView } from '../../../../shared/seating/schemas';

export type Place = { row: number; seat: number };

// The seat map after moving whoever sits at `from` to `to`: whoever sat there takes `from`.
export const swapSeats = (
  view: Pick<SeatingView, 'seats'>,
  from: Place,
  to: Place,
): { seats: SeatInput[]; mover: SeatPerson | undefined; other: SeatPerson | undefined } => {
  const at = (p: Place) => view.seats.find((s) => s.row === p.row && s.seat === p.seat)?.person;
  const mover = at(from);
  const other = at(to);
  const seats = view.seats.map((s) => {
    const id = s.person.enrolmentId;
    if (id === mover?.enrolmentId) return { enrolmentId: id, ...to };
    if (id === other?.enrolmentId) return { enrolmentId: id, ...from };
    return { enrolmentId: id, row: s.row, seat: s.seat };
  });
  return { seats, mover, other };
};
