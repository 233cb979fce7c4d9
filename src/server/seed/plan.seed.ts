import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { nowIso } from '../http/versioning.js';
import { axesSeed, indicatorsSeed, periodsSeed, planSeed, planSourceText } from './plan.data.js';

/** Loads the 2017–2018 plan of the working group seeded by the network seed (which runs first). */
export async function seedPlan(trx: Kysely<DB>): Promise<void> {
  const group = await trx.selectFrom('groups').select('id').orderBy('created_at').executeTakeFirst();
  // A database whose network was removed by hand gets no plan rather than an error at every start.
  if (!group) return;
  const now = nowIso();
  const stamp = { version: 1, created_at: now, updated_at: now };
  const planId = randomUUID();
  await trx
    .insertInto('plans')
    .values({
      id: planId,
      group_id: group.id,
      title_fr: planSeed.titleFr,
      title_en: planSeed.titleEn,
      starts_on: planSeed.startsOn,
      ends_on: planSeed.endsOn,
      status: planSeed.status,
      source_text: planSourceText,
      previous_plan_id: null,
      visibility: planSeed.visibility,
      owner_institution_id: null,
      ...stamp,
    })
    .execute();

  const partners = await trx.selectFrom('partners').select(['id', 'acronym_en']).execute();
  const partnerId = (acronym: string) => partners.find((p) => p.acronym_en === acronym)?.id;
  const axisIds = new Map<string, string>();
  let position = 0;
  for (const axis of axesSeed) {
    position += 1;
    const axisId = randomUUID();
    axisIds.set(axis.number, axisId);
    await trx
      .insertInto('plan_axes')
      .values({
        id: axisId,
        plan_id: planId,
        parent_id: null,
        number: axis.number,
        position,
        title_fr: axis.titleFr,
        title_en: axis.titleEn,
        text_fr: axis.textFr,
        text_en: axis.textEn,
        each_institution: axis.eachInstitution ? 1 : 0,
        ...stamp,
      })
      .execute();
    for (const partner of axis.partners) {
      const id = partnerId(partner.acronym);
      if (id)
        await trx
          .insertInto('plan_axis_partners')
          .values({ axis_id: axisId, partner_id: id, role: partner.role })
          .execute();
    }
    let subPosition = 0;
    for (const sub of axis.subItems) {
      subPosition += 1;
      const subId = randomUUID();
      axisIds.set(sub.number, subId);
      await trx
        .insertInto('plan_axes')
        .values({
          id: subId,
          plan_id: planId,
          parent_id: axisId,
          number: sub.number,
          position: subPosition,
          title_fr: sub.titleFr,
          title_en: sub.titleEn,
          text_fr: null,
          text_en: null,
          each_institution: 0,
          ...stamp,
        })
        .execute();
    }
  }

  for (const indicator of indicatorsSeed) {
    await trx
      .insertInto('indicators')
      .values({
        id: randomUUID(),
        plan_id: planId,
        axis_id: axisIds.get(indicator.axis) ?? null,
        action_id: null,
        code: indicator.code,
        name_fr: indicator.nameFr,
        name_en: indicator.nameEn,
        unit: indicator.unit,
        aggregation: indicator.aggregation,
        baseline: indicator.baseline,
        target: indicator.target,
        frequency: indicator.frequency,
        dimensions: JSON.stringify(indicator.dimensions),
        notes: null,
        ...stamp,
      })
      .execute();
  }

  for (const period of periodsSeed) {
    await trx
      .insertInto('reporting_periods')
      .values({
        id: randomUUID(),
        plan_id: planId,
        label: period.label,
        starts_on: period.startsOn,
        ends_on: period.endsOn,
        status: 'open',
        closed_at: null,
        closed_by: null,
        ...stamp,
      })
      .execute();
  }
}
