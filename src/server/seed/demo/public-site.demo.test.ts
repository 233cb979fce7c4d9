import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';

describe.each(testEngines())('public site demonstration data on %s', (engine) => {
  let plain: TestApp;
  let demo: TestApp;
  beforeAll(async () => {
    [plain, demo] = await Promise.all([startTestApp(engine), startTestApp(engine, { VIGIE_DEMO: '1' })]);
  });
  afterAll(async () => {
    await Promise.all([plain?.close(), demo?.close()]);
  });

  it('publishes France’s page for children in the four shipped languages, and nothing without the flag', async () => {
    const french = await demo.app.inject({ method: 'GET', url: '/fr/fr' });
    expect(french.statusCode).toBe(200);
    expect(french.body).toContain('Défenseur des droits');
    const arabic = await demo.app.inject({ method: 'GET', url: '/ar/fr' });
    expect(arabic.statusCode).toBe(200);
    expect(arabic.body).toMatch(/<html[^>]*dir="rtl"/);
    for (const language of ['en', 'es']) {
      expect((await demo.app.inject({ method: 'GET', url: `/${language}/fr` })).statusCode).toBe(200);
    }
    expect((await demo.app.inject({ method: 'GET', url: '/fr/' })).body).toContain('href="/fr/fr"');
    expect((await plain.app.inject({ method: 'GET', url: '/fr/fr' })).statusCode).toBe(404);
  });
});
