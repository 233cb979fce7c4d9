import type { Kysely, Selectable } from 'kysely';
import type { AwarenessSession, AwarenessSessionSummary } from '../../../shared/contract/awareness.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { AwarenessSessionTable, DB } from '../../db/schema.js';
import { currencyDigits, fromMinorUnits } from '../plan/budget.js';
import { gridOf, totalOf } from './reach.js';
import * as repo from './sessions.repo.js';

type Row = Selectable<AwarenessSessionTable>;
interface Named {
  id: string;
  name: string;
}

const byId = (rows: Named[]) => new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }]));
const distinct = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))];

function budgetOf(row: Row): AwarenessSession['budget'] {
  if (row.budget_minor === null || row.budget_currency === null) return null;
  const digits = currencyDigits(row.budget_currency) ?? 2;
  return { amount: fromMinorUnits(Number(row.budget_minor), digits), currency: row.budget_currency };
}

/**
 * Sessions as they leave the server. Every record a session names (partners, materials, facility, action, the
 * session it repeats) is shown only as far as the caller may see it: an invisible one is left out, never named.
 */
export async function presentSessions(db: Kysely<DB>, actor: Actor, rows: Row[]): Promise<AwarenessSession[]> {
  const ids = rows.map((r) => r.id);
  const [reach, names, funders, repeated, facilities, institutions] = await Promise.all([
    repo.reachOf(db, ids),
    repo.visibleNames(db, actor, ids),
    repo.visiblePartnerNames(db, actor, distinct(rows.map((r) => r.funder_partner_id))),
    repo.visibleSessionTitles(db, actor, distinct(rows.map((r) => r.repeat_of_id))),
    repo.visibleFacilityNames(db, actor, distinct(rows.map((r) => r.facility_id))),
    repo.institutionNames(db, actor, distinct(rows.map((r) => r.owner_institution_id))),
  ]);
  const funderById = byId(funders);
  const repeatById = byId(repeated);
  const facilityById = byId(facilities);
  const institutionById = byId(institutions);
  return rows.map((row) => {
    const children = gridOf(reach.filter((c) => c.session_id === row.id));
    const action = names.actions.find((a) => a.session_id === row.id);
    const writable = canWrite(actor, row.owner_institution_id);
    return {
      id: row.id,
      title: row.title,
      setting: row.setting as AwarenessSession['setting'],
      channel: row.channel as AwarenessSession['channel'],
      facility: row.facility_id ? (facilityById.get(row.facility_id) ?? null) : null,
      countryCode: row.country_code,
      place: row.place,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      languages: JSON.parse(row.languages) as string[],
      materials: names.materials.filter((m) => m.session_id === row.id).map(({ id, name }) => ({ id, name })),
      partners: names.partners.filter((p) => p.session_id === row.id).map(({ id, name }) => ({ id, name })),
      funder: row.funder_partner_id ? (funderById.get(row.funder_partner_id) ?? null) : null,
      budget: budgetOf(row),
      planAction: action ? { id: action.id, name: `${action.number} · ${action.title}` } : null,
      repeatOf: row.repeat_of_id ? (repeatById.get(row.repeat_of_id) ?? null) : null,
      repeats: Number(names.repeats.find((r) => r.session_id === row.id)?.n ?? 0),
      children,
      childrenTotal: totalOf(children),
      adults: row.adults,
      estimatedAudience: row.estimated_audience === null ? null : Number(row.estimated_audience),
      notes: row.notes,
      ownerInstitutionId: row.owner_institution_id,
      ownerInstitutionName: row.owner_institution_id
        ? (institutionById.get(row.owner_institution_id)?.name ?? null)
        : null,
      visibility: row.visibility as AwarenessSession['visibility'],
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      can: { edit: writable, delete: writable, repeat: writable },
    };
  });
}

export function summaryOf(session: AwarenessSession): AwarenessSessionSummary {
  const { children: _children, materials: _materials, partners: _partners, ...summary } = session;
  return summary;
}
