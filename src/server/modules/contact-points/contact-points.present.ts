import type { z } from 'zod';
import type { contactPoint } from '../../../shared/contract/network.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { ContactPointRow } from './contact-points.repo.js';

type ContactPoint = z.input<typeof contactPoint>;

function languagesOf(stored: string): string[] {
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function presentContactPoint(actor: Actor, row: ContactPointRow): ContactPoint {
  return {
    id: row.id,
    membershipId: row.membership_id,
    institutionId: row.institution_id,
    name: row.name,
    roleTitle: row.role_title,
    email: row.email,
    phone: row.phone,
    languages: languagesOf(row.languages),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    notes: row.notes,
    visibility: row.visibility as ContactPoint['visibility'],
    version: row.version,
    updatedAt: row.updated_at,
    can: { edit: canWrite(actor, row.owner_institution_id) },
  };
}
