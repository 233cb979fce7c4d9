import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  CalendarEvent,
  calendarFeed,
  calendarFeedCreate,
  calendarQuery,
} from '../../../shared/contract/activities.js';
import type { Actor } from '../../auth/actor.js';
import { toActorUser } from '../../auth/authenticate.js';
import { canWrite } from '../../auth/policy.js';
import { hashToken, newToken } from '../../auth/secrets.js';
import { visibleTo } from '../../auth/visibility.js';
import type { Config } from '../../config.js';
import type { CalendarFeedTable, DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { nextDay } from '../activities/activity-time.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { icsOf } from './ical.js';
import { type CalendarWindow, calendarSources } from './sources.js';

/** The calendar's views (month, week, list) ask for at most two years at a time. */
const MAX_DAYS = 732;
const MAX_EVENTS = 2000;
/** A feed carries everything its reader may see, up to this many events. */
const MAX_FEED_EVENTS = 5000;

type FeedRow = Selectable<CalendarFeedTable>;

function invalid(field: string, issue: string): AppError {
  return new AppError(400, 'validation_failed', { field }, [{ field, issue, message: '' }]);
}

async function eventsFor(db: Kysely<DB>, actor: Actor, window: CalendarWindow) {
  const lists = await Promise.all(calendarSources.map((source) => source.events(db, actor, window)));
  const truncated = lists.some((list) => list.length >= window.limit);
  const items = lists
    .flat()
    .sort((a, b) => a.startsUtc.localeCompare(b.startsUtc) || a.id.localeCompare(b.id))
    .slice(0, window.limit);
  return { items, truncated };
}

export async function calendarEvents(db: Kysely<DB>, actor: Actor, query: z.output<typeof calendarQuery>) {
  if (query.to < query.from) throw invalid('query.to', 'end_before_start');
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  if (days > MAX_DAYS) throw invalid('query.to', 'range_too_long');
  return eventsFor(db, actor, {
    // Whole UTC days; the views widen the range by a day either side to take in every zone.
    fromUtc: `${query.from}T00:00:00.000Z`,
    toUtc: `${nextDay(query.to)}T00:00:00.000Z`,
    kind: query.kind,
    axis: query.axis,
    institutionId: query.institutionId,
    limit: MAX_EVENTS,
  });
}

// Feeds

function presentFeed(actor: Actor, row: FeedRow): z.input<typeof calendarFeed> {
  return {
    id: row.id,
    scope: row.scope as 'user',
    userId: row.user_id,
    institutionId: row.institution_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    can: { revoke: mayRevoke(actor, row) },
  };
}

/** A user feed is its owner's; an institution feed is revoked by whoever may write for the institution. */
function mayRevoke(actor: Actor, row: FeedRow): boolean {
  if (actor.kind === 'anonymous') return false;
  if (row.scope === 'user') return row.user_id === actor.user.id;
  return row.institution_id !== null && canWrite(actor, row.institution_id);
}

function feedUrl(config: Config, token: string): string {
  return `${config.publicUrl}/api/v1/calendar.ics?token=${encodeURIComponent(token)}`;
}

export async function createFeed(
  db: Kysely<DB>,
  config: Config,
  context: AuditContext,
  input: z.output<typeof calendarFeedCreate>,
) {
  const { actor } = context;
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  let institutionId: string | null = null;
  if (input.scope === 'institution') {
    institutionId = input.institutionId ?? actor.user.institutionId;
    if (institutionId === null) throw invalid('body.institutionId', 'required');
    const known = await db
      .selectFrom('institutions')
      .select('id')
      .where('id', '=', institutionId)
      .where(visibleTo(actor, 'institutions'))
      .executeTakeFirst();
    if (!known) throw invalid('body.institutionId', 'unknown_reference');
    // An institution's feed shows what its staff see: only those who may write for it may publish that.
    if (!canWrite(actor, institutionId)) throw new AppError(403, 'forbidden');
  } else if (input.institutionId !== undefined) {
    throw invalid('body.institutionId', 'not_for_user_feed');
  }
  const token = newToken('vcal_');
  const row: FeedRow = {
    id: randomUUID(),
    scope: input.scope,
    user_id: input.scope === 'user' ? actor.user.id : null,
    institution_id: institutionId,
    token_hash: hashToken(config.sessionSecret, token),
    created_by: actor.user.id,
    created_at: nowIso(),
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('calendar_feeds').values(row).execute();
    await recordAudit(trx, context, {
      entity: 'calendar_feed',
      entityId: row.id,
      action: 'create',
      after: row,
      institutionId,
    });
  });
  return { feed: presentFeed(actor, row), url: feedUrl(config, token) };
}

export async function listFeeds(db: Kysely<DB>, actor: Actor) {
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  const { id, institutionId } = actor.user;
  const rows = await db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('revoked_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('user_id', '=', id),
        ...(institutionId ? [eb.and([eb('scope', '=', 'institution'), eb('institution_id', '=', institutionId)])] : []),
      ]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return { items: rows.map((row) => presentFeed(actor, row)) };
}

export async function revokeFeed(db: Kysely<DB>, context: AuditContext, id: string) {
  const { actor } = context;
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  const row = await db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  // Someone else's feed, or one already revoked, is not there for the caller.
  if (!row || !mayRevoke(actor, row)) throw notFound();
  const revoked = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('calendar_feeds')
      .set({ revoked_at: nowIso() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    const after = await trx.selectFrom('calendar_feeds').selectAll().where('id', '=', id).executeTakeFirst();
    await recordAudit(trx, context, {
      entity: 'calendar_feed',
      entityId: id,
      action: 'revoke',
      before: row,
      after,
      institutionId: row.institution_id,
    });
    return true;
  });
  if (!revoked) throw notFound();
}

/**
 * Who a feed reads as, at the time of reading: a user feed is its user as they are now (a disabled or deleted user's
 * feed stops); an institution feed reads as that institution's staff, limited to the institution's own activities.
 */
async function readerOf(db: Kysely<DB>, feed: FeedRow): Promise<{ actor: Actor; institutionId?: string } | null> {
  if (feed.scope === 'user') {
    if (!feed.user_id) return null;
    const user = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', feed.user_id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return user ? { actor: { kind: 'user', user: toActorUser(user), via: 'token', tokenId: feed.id } } : null;
  }
  if (!feed.institution_id) return null;
  const actor: Actor = {
    kind: 'user',
    user: {
      id: feed.id,
      email: '',
      name: 'calendar feed',
      role: 'staff',
      institutionId: feed.institution_id,
      partnerId: null,
      language: 'en',
    },
    via: 'token',
    tokenId: feed.id,
  };
  return { actor, institutionId: feed.institution_id };
}

/** The iCalendar text behind a feed's secret token; null when the token is unknown, revoked or its reader gone. */
export async function feedCalendar(db: Kysely<DB>, config: Config, token: string): Promise<string | null> {
  const feed = await db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('token_hash', '=', hashToken(config.sessionSecret, token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!feed) return null;
  const reader = await readerOf(db, feed);
  if (!reader) return null;
  const { items } = await eventsFor(db, reader.actor, {
    fromUtc: '1950-01-01T00:00:00.000Z',
    toUtc: '2151-01-01T00:00:00.000Z',
    institutionId: reader.institutionId,
    limit: MAX_FEED_EVENTS,
  });
  return icsOf('Vigie', items as CalendarEvent[], config.publicUrl);
}
