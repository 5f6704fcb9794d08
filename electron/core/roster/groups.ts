import { compareStroke, compareStrokeText } from '../../../shared/text/collation';
import type { Sex } from '../../../shared/trainees/schemas';

export type GroupMember = { enrolmentId: number; name: string; sex: Sex | null; unit: string };

// Splits a class into `count` study groups the way class administrators do it by hand:
// sizes differ by at most one; men and women spread evenly; people of one work unit go to different
// groups wherever the numbers allow. Deterministic: the same roster always gives the same groups.
export const planGroups = (members: readonly GroupMember[], count: number): Map<number, number> => {
  const groups = Math.max(1, Math.min(count, members.length || 1));
  const capacity = Array.from(
    { length: groups },
    (_, g) => Math.floor(members.length / groups) + (g < members.length % groups ? 1 : 0),
  );

  const unitSize = new Map<string, number>();
  for (const member of members) unitSize.set(member.unit, (unitSize.get(member.unit) ?? 0) + 1);
  // The hardest to place first: members of the largest units, then everyone else in stroke order.
  const order = [...members].sort(
    (a, b) =>
      (b.unit ? (unitSize.get(b.unit) ?? 0) : 0) - (a.unit ? (unitSize.get(a.unit) ?? 0) : 0) ||
      compareStrokeText(a.unit, b.unit) ||
      compareStroke(a.name, b.name) ||
      a.enrolmentId - b.enrolmentId,
  );

  const size = new Array<number>(groups).fill(0);
  const sexCount = Array.from({ length: groups }, () => ({ male: 0, female: 0 }));
  const units = Array.from({ length: groups }, () => new Map<string, number>());
  const plan = new Map<number, number>();

  for (const member of order) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let g = 0; g < groups; g += 1) {
      if ((size[g] ?? 0) >= (capacity[g] ?? 0)) continue;
      const sameUnit = member.unit ? (units[g]?.get(member.unit) ?? 0) : 0;
      const sameSex = member.sex ? (sexCount[g]?.[member.sex] ?? 0) : 0;
      // A colleague in the group outweighs everything; then sex balance; then fill evenly.
      const cost = sameUnit * 10_000 + sameSex * 100 + (size[g] ?? 0);
      if (cost < bestCost) {
        bestCost = cost;
        best = g;
      }
    }
    plan.set(member.enrolmentId, best + 1);
    size[best] = (size[best] ?? 0) + 1;
    if (member.sex) {
      const counts = sexCount[best];
      if (counts) counts[member.sex] += 1;
    }
    if (member.unit) units[best]?.set(member.unit, (units[best]?.get(member.unit) ?? 0) + 1);
  }
  return plan;
};
