/**
 * Budgets are stored in the currency's minor units (an integer: no floating-point sums) and travel as decimal
 * strings. How many decimals a currency has is ISO 4217 data, taken from Intl rather than a table of our own:
 * EUR has two, the West African CFA franc (XOF) none, the Tunisian dinar three.
 */

let known: Set<string> | undefined;

/** The currency's number of minor digits, or undefined when it is not an ISO 4217 code. */
export function currencyDigits(currency: string): number | undefined {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  if (!known.has(currency)) return undefined;
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
}

/** "12500.5" with 2 digits → 1250050; undefined when the amount has more decimals than the currency. */
export function toMinorUnits(amount: string, digits: number): number | undefined {
  const [whole = '0', fraction = ''] = amount.split('.');
  if (fraction.length > digits) return undefined;
  return Number(`${whole}${fraction.padEnd(digits, '0')}`);
}

/** 1250050 with 2 digits → "12500.50". */
export function fromMinorUnits(minor: number, digits: number): string {
  const text = String(Math.trunc(minor)).padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
