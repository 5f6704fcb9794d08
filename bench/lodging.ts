import { performance } from 'node:perf_hooks';
import { assignBeds, firstFit, type Person, type Room, softFigures } from '../electron/core/lodging/assign';

// The bed assignment the four-togethers board runs: 300 trainees in roster order (30 groups of ten
// dealt out in turn, as splitting a roster does; twelve work units, three of them large; one leader
// a group) into 100 households of two to five beds, a third of them for one sex only. Timed as the
// pure function the core calls, and compared, goal by goal, with first-fit.

export type LodgingFigure = { what: string; ms: number; target?: number; unit?: 'ms' | 'n' | '×' };

const units = [
  '财政局',
  '农业农村局',
  '组织部',
  '宣传部',
  '发改委',
  '安石镇政府',
  '白泉镇政府',
  '龙山区政府',
  '西安区政府',
  '东辽县政府',
  '东丰县政府',
  '自然资源局',
];

export const lodgingCase = (): { people: Person[]; rooms: Room[] } => {
  const people: Person[] = Array.from({ length: 300 }, (_, i) => {
    const spread = (i * 2654435761) % 1000;
    return {
      id: i + 1,
      sex: spread % 3 === 0 ? 'female' : 'male',
      group: (i % 30) + 1,
      unit: units[spread < 450 ? spread % 3 : spread % units.length] ?? '',
      leader: i < 30,
    };
  });
  const rooms: Room[] = Array.from({ length: 100 }, (_, i) => ({
    id: 1000 + i,
    free: 2 + ((i * 3) % 4),
    hosts: i % 6 === 0 ? 'female' : i % 6 === 1 ? 'male' : 'any',
    mixed: i % 12 === 2,
  }));
  return { people, rooms };
};

// Every hard rule, counted: a bed over, a sex a household does not take, a person twice.
const violations = (people: readonly Person[], rooms: readonly Room[], placed: ReadonlyMap<number, number>) => {
  let broken = 0;
  for (const room of rooms) {
    const guests = [...placed].filter(([, r]) => r === room.id).map(([p]) => people.find((x) => x.id === p));
    if (guests.length > room.free) broken += 1;
    if (room.hosts !== 'any') broken += guests.filter((guest) => guest?.sex !== room.hosts).length;
  }
  return broken + (new Set(placed.keys()).size === placed.size ? 0 : 1);
};

export const lodgingFigures = (): LodgingFigure[] => {
  const { people, rooms } = lodgingCase();
  const times: number[] = [];
  let outcome = assignBeds(people, rooms, []);
  for (let run = 0; run < 21; run += 1) {
    const start = performance.now();
    outcome = assignBeds(people, rooms, []);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const naive = firstFit(people, rooms);
  const ours = softFigures(people, outcome.placed);
  const theirs = softFigures(people, naive.placed);
  const beds = rooms.reduce((sum, room) => sum + room.free, 0);
  return [
    { what: `assign 300 trainees to 100 households (${beds} beds), median of 21`, ms: times[10] ?? 0, target: 100 },
    {
      what: '  hard rules broken (beds, sexes, one bed a person)',
      ms: violations(people, rooms, outcome.placed),
      unit: 'n',
      target: 0,
    },
    { what: '  placed, of 300', ms: ours.placed, unit: 'n' },
    { what: '  households per group (fewer is better)', ms: ours.householdsPerGroup, unit: 'n' },
    { what: '  most people of one work unit in one household', ms: ours.maxSameUnit, unit: 'n' },
    { what: '  most class leaders in one household', ms: ours.maxLeaders, unit: 'n' },
    { what: 'naive first-fit in the same run: hard rules broken', ms: violations(people, rooms, naive.placed), unit: 'n' },
    { what: '  placed, of 300', ms: theirs.placed, unit: 'n' },
    { what: '  households per group', ms: theirs.householdsPerGroup, unit: 'n' },
    { what: '  most people of one work unit in one household', ms: theirs.maxSameUnit, unit: 'n' },
    { what: '  most class leaders in one household', ms: theirs.maxLeaders, unit: 'n' },
  ];
};
