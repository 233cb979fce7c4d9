import type { z } from 'zod';
import type { facility } from '../../../shared/contract/monitoring.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { FacilityRow } from './facilities.repo.js';

type Facility = z.input<typeof facility>;

export function presentFacility(actor: Actor, row: FacilityRow): Facility {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Facility['kind'],
    countryCode: row.country_code,
    region: row.region,
    city: row.city,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    operatingAuthority: row.operating_authority,
    capacity: row.capacity,
    holdsChildren: row.holds_children === 1,
    isOpen: row.is_open === 1,
    notes: row.notes,
    visitCount: Number(row.visit_count ?? 0),
    lastVisitOn: row.last_visit_on,
    ownerInstitutionId: row.owner_institution_id,
    visibility: row.visibility as Facility['visibility'],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { edit: canWrite(actor, row.owner_institution_id) },
  };
}
