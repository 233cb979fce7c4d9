import { describe, expect, it } from 'vitest';
import { withoutSecrets } from './log-redaction.js';

describe('log redaction', () => {
  it('keeps secrets that travel in a query string out of the logs, and the rest of the address as it was', () => {
    expect(withoutSecrets('/api/v1/calendar.ics?token=vcal_abc123')).toBe('/api/v1/calendar.ics?token=[redacted]');
    expect(withoutSecrets('/x?a=1&TOKEN=s3cret&b=2')).toBe('/x?a=1&TOKEN=[redacted]&b=2');
    expect(withoutSecrets('/api/v1/activities?q=token&pageSize=1')).toBe('/api/v1/activities?q=token&pageSize=1');
  });
});
