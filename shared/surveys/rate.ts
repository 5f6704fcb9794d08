import { satisfiedFrom } from './schemas';

// The satisfaction rate (满意率) as every screen, document and command reports it: of the scores
// given, the share of 满意 (4) and 非常满意 (5), in per cent to one place; none when nothing was
// answered. A skipped question counts for nothing, neither above nor below the line.

const onePlace = (value: number) => Math.round(value * 10) / 10;

export const isSatisfied = (score: number): boolean => score >= satisfiedFrom;

// From counts already made (a tally that also sums and spreads the scores).
export const satisfiedShare = (satisfied: number, answered: number): number | null =>
  answered === 0 ? null : onePlace((satisfied / answered) * 100);

export const satisfiedRate = (scores: Iterable<number | null | undefined>): number | null => {
  let answered = 0;
  let satisfied = 0;
  for (const score of scores) {
    if (score === null || score === undefined) continue;
    answered += 1;
    if (isSatisfied(score)) satisfied += 1;
  }
  return satisfiedShare(satisfied, answered);
};
