import { addDays, monthDay } from '../../../shared/dates';
import { message } from '../../../shared/i18n/translate';
import type { Core } from '../context';
import { statement } from '../db/statements';

// Who sleeps where on which night, over every class's stays: what the beds of a household and the
// one bed of a trainee are checked against.

export type Guest = {
  householdId: number;
  head: string;
  stayId: number;
  // The stay as people say it: "2019年年轻干部培训班 9月11日—9月13日".
  stay: string;
  enrolmentId: number;
  traineeId: number;
  name: string;
  sex: 'male' | 'female' | null;
  arrive: string;
  depart: string;
};

// The nights of a stay: from the day of arrival up to, not including, the day of leaving.
export const nightsOf = (arrive: string, depart: string): string[] => {
  const nights: string[] = [];
  for (let night = arrive; night < depart; night = addDays(night, 1)) nights.push(night);
  return nights;
};

export const stayLabel = (className: string, arrive: string, depart: string) =>
  message('lodging.stayLabel', { className, arrive: monthDay(arrive), depart: monthDay(depart) });

export type Occupancy = {
  guests: (householdId: number) => Guest[];
  // Each night someone sleeps in the household: how many, from which stays.
  nights: (householdId: number) => { date: string; people: number; stays: string[] }[];
  // The most people the household has on any of these nights.
  busiest: (householdId: number, nights: readonly string[]) => { date: string; people: number } | undefined;
  // Where the trainee already sleeps on one of these nights.
  elsewhere: (traineeId: number, nights: readonly string[]) => Guest | undefined;
};

export const occupancyOf = (
  core: Core,
  scope: { households?: readonly number[]; excludeStay?: number; arrive?: string; depart?: string },
): Occupancy => {
  const rows = statement<Record<string, string | number | null>, Guest & { className: string }>(
    core.db,
    `SELECT p.household_id AS householdId, h.head, p.stay_id AS stayId, p.enrolment_id AS enrolmentId, e.trainee_id AS traineeId,
            t.name, t.sex, s.arrive, s.depart, c.name AS className
       FROM placements p JOIN stays s ON s.id = p.stay_id JOIN classes c ON c.id = s.class_id
       JOIN enrolments e ON e.id = p.enrolment_id JOIN trainees t ON t.id = e.trainee_id JOIN households h ON h.id = p.household_id
      WHERE (@households IS NULL OR p.household_id IN (SELECT value FROM json_each(@households)))
        AND (@exclude IS NULL OR p.stay_id <> @exclude)
        AND (@arrive IS NULL OR (s.arrive < @depart AND @arrive < s.depart))`,
  ).all({
    households: scope.households ? JSON.stringify(scope.households) : null,
    exclude: scope.excludeStay ?? null,
    arrive: scope.arrive ?? null,
    depart: scope.depart ?? null,
  });
  const guests = rows.map(({ className, ...guest }) => ({ ...guest, stay: stayLabel(className, guest.arrive, guest.depart) }));
  const byHousehold = new Map<number, Guest[]>();
  const byTrainee = new Map<number, Guest[]>();
  for (const guest of guests) {
    byHousehold.set(guest.householdId, [...(byHousehold.get(guest.householdId) ?? []), guest]);
    byTrainee.set(guest.traineeId, [...(byTrainee.get(guest.traineeId) ?? []), guest]);
  }
  const sleepsOn = (guest: Guest, night: string) => guest.arrive <= night && night < guest.depart;
  const nights = (householdId: number) => {
    const counts = new Map<string, { people: number; stays: Set<string> }>();
    for (const guest of byHousehold.get(householdId) ?? [])
      for (const night of nightsOf(guest.arrive, guest.depart)) {
        const entry = counts.get(night) ?? { people: 0, stays: new Set<string>() };
        entry.people += 1;
        entry.stays.add(guest.stay);
        counts.set(night, entry);
      }
    return [...counts]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, entry]) => ({ date, people: entry.people, stays: [...entry.stays] }));
  };
  return {
    guests: (householdId) => byHousehold.get(householdId) ?? [],
    nights,
    busiest: (householdId, wanted) => {
      let most: { date: string; people: number } | undefined;
      for (const date of wanted) {
        const people = (byHousehold.get(householdId) ?? []).filter((guest) => sleepsOn(guest, date)).length;
        if (!most || people > most.people) most = { date, people };
      }
      return most;
    },
    elsewhere: (traineeId, wanted) =>
      (byTrainee.get(traineeId) ?? []).find((guest) => wanted.some((night) => sleepsOn(guest, night))),
  };
};
