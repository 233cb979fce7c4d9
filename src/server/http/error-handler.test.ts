import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/support/app.js';
import { testEngines } from '../../../tests/support/databases.js';

describe.each(testEngines())('refusals before routing on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  it('a malformed percent-escape in the path is a 400 in the usual shape, in the caller’s language', async () => {
    for (const url of ['/api/v1/partners/%ff', '/api/v1/plans/%E0%A4%A/next', '/api/v1/actions/%']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: {
          code: 'validation_failed',
          message: expect.stringContaining('path'),
          details: [{ field: 'path', issue: 'invalid_format', message: expect.any(String) }],
        },
      });
      expect(response.headers['x-request-id']).toBeDefined();
    }
  });

  it('an over-long path parameter is a 414 in the usual shape', async () => {
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/partners/${'a'.repeat(10_000)}?version=1`,
      headers: { 'accept-language': 'fr' },
    });
    expect(response.statusCode).toBe(414);
    expect(response.json().error).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'path', issue: 'too_big', message: expect.stringContaining('100') }],
    });
    expect(response.json().error.message).toMatch(/path/);
  });
});
