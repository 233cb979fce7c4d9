import { describe, expect, it } from 'vitest';
import {
  addMonths,
  covers,
  firstDayOfWeek,
  isDay,
  monthGrid,
  rangeOf,
  stepFrom,
  weekdayNames,
  weekOf,
} from './calendar-dates';

describe('calendar days', () => {
  it('lays a month out in whole weeks starting on the given weekday', () => {
    // November 2016 starts on a Tuesday and ends on a Wednesday.
    const weeks = monthGrid('2016-11-22', 1);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]).toBe('2016-10-31');
    expect(weeks.at(-1)?.[6]).toBe('2016-12-04');
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    // Starting on Sunday shifts every row by one day.
    expect(monthGrid('2016-11-22', 0)[0]?.[0]).toBe('2016-10-30');
  });

  it('gives six rows when the month needs them', () => {
    // October 2017 starts on a Sunday: with Monday first, the 1st sits at the end of the first row.
    const weeks = monthGrid('2017-10-18', 1);
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[6]).toBe('2017-10-01');
  });

  it('finds the week of a day across a year boundary', () => {
    expect(weekOf('2018-01-02', 1)).toEqual([
      '2018-01-01',
      '2018-01-02',
      '2018-01-03',
      '2018-01-04',
      '2018-01-05',
      '2018-01-06',
      '2018-01-07',
    ]);
    expect(weekOf('2017-12-31', 1)[0]).toBe('2017-12-25');
  });

  it('moves by months from the first of the month, never spilling over', () => {
    expect(addMonths('2017-01-31', 1)).toBe('2017-02-01');
    expect(stepFrom('month', '2017-12-18', 1)).toBe('2018-01-01');
    expect(stepFrom('week', '2017-12-18', -1)).toBe('2017-12-11');
  });

  it('asks the server for the days each view shows', () => {
    expect(rangeOf('list', '2017-06-25', 1)).toEqual({ from: '2017-06-01', to: '2017-06-30' });
    expect(rangeOf('week', '2017-06-25', 1)).toEqual({ from: '2017-06-19', to: '2017-06-25' });
    expect(rangeOf('month', '2016-11-22', 1)).toEqual({ from: '2016-10-31', to: '2016-12-04' });
  });

  it('places an event on every day it runs, ends included', () => {
    expect(covers('2016-11-22', '2016-11-24', '2016-11-24')).toBe(true);
    expect(covers('2016-11-22', '2016-11-24', '2016-11-25')).toBe(false);
  });

  it('accepts only real days from the address', () => {
    expect(isDay('2017-02-28')).toBe(true);
    expect(isDay('2017-13-01')).toBe(false);
    expect(isDay('yesterday')).toBe(false);
    expect(isDay(null)).toBe(false);
  });

  it('starts the week where the language does, and names its days', () => {
    expect(firstDayOfWeek('fr')).toBe(1);
    expect(weekdayNames('fr', 1, 'long')[0]).toBe('lundi');
    expect(weekdayNames('en', 0, 'long')[0]).toBe('Sunday');
  });
});
