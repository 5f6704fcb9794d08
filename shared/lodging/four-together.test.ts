import { describe, expect, it } from 'vitest';
import { isFourTogether, sessionsOfStay, stayDefaultsOf } from './four-together';

const session = (
  date: string,
  start: string,
  title: string,
  format = '',
  siteId: number | null = null,
  groups: number[] = [],
) => ({
  date,
  start,
  title,
  format,
  siteId,
  groups,
});

// The sample class's week in 朝阳村: 四同 on the 11th afternoon, the 12th morning and evening.
const week = [
  session('2019-09-09', '08:30', '开班式', '专题讲座'),
  session('2019-09-11', '08:30', '访谈教学：村党支部书记谈乡村振兴', '访谈教学', 7),
  session('2019-09-11', '14:00', '“四同”实践：入户与农户同吃同住', '四同实践', 7),
  session('2019-09-12', '08:30', '“四同”实践：下田同劳动', '四同实践', 7),
  session('2019-09-12', '14:00', '秋硕合作社现场教学', '现场教学', 9),
  session('2019-09-12', '19:00', '“四同”实践：与农户同学习', '四同实践', 7),
  session('2019-09-13', '08:30', '结构化研讨', '结构化研讨'),
];

describe('a new stay from the class’s 四同 sessions', () => {
  it('knows a 四同 session by its 教学形式 or its title', () => {
    expect(isFourTogether({ format: '四同实践', title: '下田' })).toBe(true);
    expect(isFourTogether({ format: '实践教学', title: '“四同”：入户' })).toBe(true);
    expect(isFourTogether({ format: '现场教学', title: '秋硕合作社' })).toBe(false);
  });

  it('arrives on the first 四同 day and leaves the morning after the last evening, at the sessions’ village', () => {
    expect(stayDefaultsOf(week, [], '2019-09-20')).toEqual({ arrive: '2019-09-11', depart: '2019-09-13', siteId: 7 });
  });

  it('leaves the same day when the last 四同 session is that morning; never after the class ends', () => {
    const morning = [...week, session('2019-09-13', '08:30', '“四同”实践：告别农户', '四同实践', 7)];
    expect(stayDefaultsOf(morning, [], '2019-09-20')).toMatchObject({ arrive: '2019-09-11', depart: '2019-09-13' });
    expect(stayDefaultsOf(week, [], '2019-09-12')).toMatchObject({ depart: '2019-09-12' });
  });

  it('skips 四同 days a stay already holds (the next block is offered), and offers none when none is left', () => {
    const twoBlocks = [...week, session('2019-09-17', '14:00', '“四同”实践：回访', '四同实践', 8)];
    expect(stayDefaultsOf(twoBlocks, [{ arrive: '2019-09-11', depart: '2019-09-13' }], '2019-09-20')).toEqual({
      arrive: '2019-09-17',
      depart: '2019-09-18',
      siteId: 8,
    });
    expect(stayDefaultsOf(week, [{ arrive: '2019-09-11', depart: '2019-09-13' }], '2019-09-20')).toBeUndefined();
    expect(stayDefaultsOf([], [], '2019-09-20')).toBeUndefined();
  });

  it('shows a stay the sessions of its days that its groups attend', () => {
    const split = [...week, session('2019-09-12', '14:00', '分组调研', '调研', null, [3])];
    const titles = (groups: number[]) =>
      sessionsOfStay(split, { arrive: '2019-09-11', depart: '2019-09-13', groups }).map((s) => s.title);
    expect(titles([])).toHaveLength(7);
    expect(titles([1, 2])).not.toContain('分组调研');
    expect(titles([3])).toContain('分组调研');
    expect(titles([])[0]).toBe('访谈教学：村党支部书记谈乡村振兴');
  });
});
