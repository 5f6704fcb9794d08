import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  chineseDate,
  chineseWeekday,
  daysBetween,
  isIsoDate,
  isIsoInstant,
  localDateOf,
  localDateTimeOf,
  localDayStart,
  mondayOf,
  monthDayRuns,
  todayIso,
  yearOf,
} from './dates';

describe('dates', () => {
  it('dates visits as offices do: days running on as one span, across a month end too, the rest one by one', () => {
    expect(monthDayRuns(['2019-09-12', '2019-09-11', '2019-09-11'], '、')).toBe('9月11日—12日');
    expect(monthDayRuns(['2019-09-30', '2019-10-01', '2019-10-08'], '、')).toBe('9月30日—10月1日、10月8日');
    expect(monthDayRuns(['2019-09-10'], '、')).toBe('9月10日');
    expect(monthDayRuns([], '、')).toBe('');
  });

  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2019-06-03')).toBe(true);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2019-06-31')).toBe(false);
    expect(isIsoDate('2019-6-3')).toBe(false);
    expect(isIsoDate('2019-06-03T00:00')).toBe(false);
  });

  it('accepts moments with a real date, a time and an offset only', () => {
    expect(isIsoInstant('2019-06-03T08:30:00.000Z')).toBe(true);
    expect(isIsoInstant('2019-06-03T08:30:00+08:00')).toBe(true);
    expect(isIsoInstant(new Date(Date.UTC(2020, 1, 29, 23, 59, 59)).toISOString())).toBe(true);
    expect(isIsoInstant('2019-02-30T08:00:00Z')).toBe(false);
    expect(isIsoInstant('2019-06-03')).toBe(false);
    expect(isIsoInstant('2019-06-03T24:00:00Z')).toBe(false);
    expect(isIsoInstant('2019-06-03T08:30:00')).toBe(false);
    expect(isIsoInstant('2019-06-03T08:30:00.000Z; DROP TABLE')).toBe(false);
  });

  it('shifts across months, years and leap days', () => {
    expect(addDays('2019-06-03', 366)).toBe('2020-06-03');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(daysBetween('2019-06-03', '2020-06-01')).toBe(364);
  });

  it('shifting by the distance between two dates lands on the second one', () => {
    const day = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, (a, b) => addDays(a, daysBetween(a, b)) === b));
  });

  it('finds the Monday that starts a date’s week', () => {
    expect(mondayOf('2019-06-03')).toBe('2019-06-03');
    expect(mondayOf('2019-06-09')).toBe('2019-06-03');
    expect(mondayOf('2019-06-10')).toBe('2019-06-10');
    expect(mondayOf('2020-01-01')).toBe('2019-12-30');
    const day = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (d) => {
        const monday = mondayOf(d);
        return chineseWeekday(monday) === '星期一' && daysBetween(monday, d) >= 0 && daysBetween(monday, d) < 7;
      }),
    );
  });

  it('prints dates the way official documents do', () => {
    expect(chineseDate('2019-06-03')).toBe('2019年6月3日');
    expect(chineseWeekday('2019-06-03')).toBe('星期一');
    expect(yearOf('2019-06-03')).toBe(2019);
  });

  // Whatever zone the tests run in (the Beijing night is local-dates.test.ts's, in a process at TZ=Asia/Shanghai):
  // the local day of an instant, the instant a local day starts and a local reading agree with the local calendar.
  it('reads stored instants by the workstation’s calendar', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        (moment) => {
          const instant = moment.toISOString();
          const day = localDateOf(instant);
          expect(day).toBe(todayIso(moment));
          expect(localDayStart(day) <= instant && instant < localDayStart(addDays(day, 1))).toBe(true);
          expect(localDateTimeOf(instant).slice(0, 10)).toBe(day);
          expect(localDateTimeOf(instant).slice(11)).toBe(moment.toTimeString().slice(0, 8));
        },
      ),
    );
  });
});
