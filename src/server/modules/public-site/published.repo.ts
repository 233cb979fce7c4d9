import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB } from '../../db/schema.js';

// What institutions chose to publish, read for the public site. Public means the record's visibility is 'public';
// the institution it names is shown only if its own record is public too, the facility of a visit likewise.

const LIMIT = 50;

export function publicStatements(db: Kysely<DB>) {
  return db
    .selectFrom('activities')
    .leftJoin('institutions', (join) =>
      join
        .onRef('institutions.id', '=', 'activities.owner_institution_id')
        .on('institutions.visibility', '=', 'public'),
    )
    .select([
      'activities.id',
      'activities.title',
      'activities.starts_local',
      'activities.details',
      'institutions.name_fr',
      'institutions.name_en',
    ])
    .where('activities.kind', '=', 'statement')
    .where('activities.visibility', '=', 'public')
    .orderBy('activities.starts_utc', 'desc')
    .orderBy('activities.id')
    .limit(LIMIT)
    .execute();
}

export function publicVisitReports(db: Kysely<DB>) {
  return db
    .selectFrom('visits')
    .leftJoin('facilities', (join) =>
      join.onRef('facilities.id', '=', 'visits.facility_id').on('facilities.visibility', '=', 'public'),
    )
    .leftJoin('institutions', (join) =>
      join.onRef('institutions.id', '=', 'visits.owner_institution_id').on('institutions.visibility', '=', 'public'),
    )
    .select([
      'visits.id',
      'visits.starts_on',
      'visits.summary',
      'facilities.name as facility_name',
      'institutions.name_fr',
      'institutions.name_en',
    ])
    .where('visits.visibility', '=', 'public')
    .where('visits.status', 'in', ['published', 'closed'])
    .orderBy('visits.starts_on', 'desc')
    .orderBy('visits.id')
    .limit(LIMIT)
    .execute();
}

/** A facility as the caller may see it (for its poster, which names it). */
export function visibleFacility(db: Kysely<DB>, actor: Actor, id: string) {
  return db
    .selectFrom('facilities')
    .select(['facilities.id', 'facilities.name'])
    .where('facilities.id', '=', id)
    .where(visibleTo(actor, 'facilities'))
    .executeTakeFirst();
}
