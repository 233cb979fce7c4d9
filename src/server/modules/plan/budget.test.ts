import { describe, expect, it } from 'vitest';
import { currencyDigits, fromMinorUnits, toMinorUnits } from './budget.js';

describe('budgets in minor units', () => {
  it('knows each currency’s decimals from ISO 4217 data', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('XOF')).toBe(0);
    expect(currencyDigits('TND')).toBe(3);
    expect(currencyDigits('ABC')).toBeUndefined();
  });

  it('converts decimal strings to minor units and back without floating point', () => {
    expect(toMinorUnits('12500', 2)).toBe(1_250_000);
    expect(toMinorUnits('12500.5', 2)).toBe(1_250_050);
    expect(toMinorUnits('0.07', 2)).toBe(7);
    expect(toMinorUnits('999999999999.99', 2)).toBe(99_999_999_999_999);
    expect(toMinorUnits('10.5', 0)).toBeUndefined();
    expect(toMinorUnits('7.25', 3)).toBe(7250);
    expect(fromMinorUnits(1_250_050, 2)).toBe('12500.50');
    expect(fromMinorUnits(7, 2)).toBe('0.07');
    expect(fromMinorUnits(0, 2)).toBe('0.00');
    expect(fromMinorUnits(150_000, 0)).toBe('150000');
    expect(fromMinorUnits(7250, 3)).toBe('7.250');
    expect(fromMinorUnits(99_999_999_999_999, 2)).toBe('999999999999.99');
  });
});
