import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';

describe.each(testEngines())('monitoring demonstration data on %s', (engine) => {
  let demo: TestApp;
  beforeAll(async () => {
    demo = await startTestApp(engine, { VIGIE_DEMO: '1' });
  });
  afterAll(() => demo?.close());

  it('loads the AOM visits of 2016–2017 and their recommendations, seen through the API', async () => {
    const admin = await signIn(demo.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const visits = (await request(demo.app, admin)('GET', '/api/v1/visits?sort=startsOn&pageSize=100')).json();
    expect(
      visits.items.map((v: { facility: { name: string }; startsOn: string }) => `${v.startsOn} ${v.facility.name}`),
    ).toEqual([
      '2016-02-22 Centre de transit de Tabanovce',
      '2017-03-13 Centre de transit de Tabanovce',
      '2017-03-14 Centre d’asile de Vizbegovo',
      '2017-04-25 CIE de Ponte Galeria',
      '2017-04-26 Hotspot de Trapani-Milo',
    ]);
    expect(visits.items[0].population.total).toBe(617);
    const italy = (
      await request(demo.app, admin)('GET', '/api/v1/recommendations?country=IT&facilityKind=hotspot')
    ).json();
    expect(italy.total).toBe(3);
    expect((await request(demo.app, admin)('GET', '/api/v1/recommendations?country=MK')).json().total).toBe(5);
    // The public sees none of it: the visits are the group's.
    expect((await request(demo.app, null)('GET', '/api/v1/visits')).json().total).toBe(0);
  });
});
