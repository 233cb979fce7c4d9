import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { NotificationKind, NotificationMode } from '../../../shared/contract/notifications.js';
import type { Role } from '../../../shared/roles.js';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { languageOf, type Recipient, reminderEmail } from './messages.js';
import { enqueueEmail } from './outbox.js';
import { reminderSources } from './reminder-sources.js';

/**
 * Something a reminder is about, as a source computes it: the record, the occasion that makes it new (a due date,
 * a stage), who answers for it, and the owned row whose visibility decides who may hear of it.
 */
export interface ReminderEvent {
  kind: NotificationKind;
  entity: string;
  entityId: string;
  occasion: string;
  link: string;
  params: Record<string, string | number>;
  /** Institutions whose contact points are told; none: the network's records, told to coordinators. */
  institutionIds: string[];
  /** The audit entity of the record: whoever created it is told too. Null when nobody owns it that way. */
  auditEntity: string | null;
  /** The owned row (table with owner and visibility) that a recipient must be able to see. */
  visibility: { table: keyof DB & string; id: string };
}

/** A source of reminders: reads the records (never writes), as of `today` (`YYYY-MM-DD`, UTC). */
export type ReminderSource = (db: Kysely<DB>, today: string) => Promise<ReminderEvent[]>;

interface Person extends Recipient {
  role: string;
  institution_id: string | null;
  partner_id: string | null;
}

const personColumns = ['id', 'name', 'email', 'language', 'role', 'institution_id', 'partner_id'] as const;

function actorOf(person: Person): Actor {
  return {
    kind: 'user',
    via: 'token',
    tokenId: 'reminders',
    user: {
      id: person.id,
      email: person.email,
      name: person.name,
      role: person.role as Role,
      institutionId: person.institution_id,
      partnerId: person.partner_id,
      language: languageOf(person.language),
    },
  };
}

/** The contact points of the institutions (coordinators for the network's records) and the record's creator. */
async function candidates(db: Kysely<DB>, event: ReminderEvent): Promise<Person[]> {
  const people = new Map<string, Person>();
  const responsible =
    event.institutionIds.length > 0
      ? await db
          .selectFrom('users')
          .select(personColumns)
          .where('status', '=', 'active')
          .where('role', '=', 'contact_point')
          .where('institution_id', 'in', event.institutionIds)
          .execute()
      : await db
          .selectFrom('users')
          .select(personColumns)
          .where('status', '=', 'active')
          .where('role', '=', 'coordinator')
          .execute();
  for (const person of responsible) people.set(person.id, person);
  if (event.auditEntity) {
    const creator = await db
      .selectFrom('audit_events')
      .innerJoin('users', 'users.id', 'audit_events.actor_user_id')
      .select(personColumns.map((c) => `users.${c}` as const))
      .where('audit_events.entity', '=', event.auditEntity)
      .where('audit_events.entity_id', '=', event.entityId)
      .where('audit_events.action', '=', 'create')
      .where('users.status', '=', 'active')
      .executeTakeFirst();
    if (creator) people.set(creator.id, creator);
  }
  return [...people.values()];
}

/** Only people who may see the record hear of it: the same SQL condition as every list and detail query. */
async function maySee(db: Kysely<DB>, person: Person, event: ReminderEvent): Promise<boolean> {
  const { table, id } = event.visibility;
  const row = await db
    .selectFrom(table)
    // biome-ignore lint/suspicious/noExplicitAny: the owned table is named by the source.
    .select(sql`1`.as('one') as any)
    // biome-ignore lint/suspicious/noExplicitAny: every owned table has an `id` column.
    .where(`${table}.id` as any, '=', id)
    .where(visibleTo(actorOf(person), table))
    .executeTakeFirst();
  return row !== undefined;
}

export async function modeOf(db: Kysely<DB>, userId: string, kind: NotificationKind): Promise<NotificationMode> {
  const row = await db
    .selectFrom('notification_preferences')
    .select('mode')
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return (row?.mode as NotificationMode | undefined) ?? 'immediate';
}

/**
 * Records one reminder for one person, once: the insert does nothing when (person, kind, record, occasion) is
 * already there, whichever process got there first, and only the insert that happened queues an email. Returns
 * whether it was new.
 */
export async function notifyOnce(
  trx: Kysely<DB>,
  config: Config,
  person: Recipient,
  event: Omit<ReminderEvent, 'institutionIds' | 'auditEntity'>,
): Promise<boolean> {
  const mode = await modeOf(trx, person.id, event.kind);
  const emailState = !config.smtp || mode === 'in_app' ? 'none' : mode === 'immediate' ? 'queued' : 'digest';
  const inserted = await trx
    .insertInto('notifications')
    .values({
      id: randomUUID(),
      user_id: person.id,
      kind: event.kind,
      entity: event.entity,
      entity_id: event.entityId,
      occasion: event.occasion,
      record_table: event.visibility.table,
      record_id: event.visibility.id,
      link: event.link,
      params: JSON.stringify(event.params),
      created_at: new Date().toISOString(),
      read_at: null,
      email_state: emailState,
    })
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'entity', 'entity_id', 'occasion']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  if (emailState === 'queued') {
    await enqueueEmail(trx, config, {
      userId: person.id,
      to: person.email,
      language: person.language,
      purpose: event.kind,
      content: reminderEmail(config, person, event),
    });
  }
  return true;
}

/** One run of the reminders: every source, every event, every person who answers for it and may see it. */
export async function runReminders(
  db: Kysely<DB>,
  config: Config,
  audit: AuditContext,
  options: { today?: string; sources?: ReminderSource[] } = {},
): Promise<Record<string, number>> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const created: Record<string, number> = {};
  for (const source of options.sources ?? reminderSources) {
    for (const event of await source(db, today)) {
      const people: Person[] = [];
      for (const person of await candidates(db, event)) {
        if (await maySee(db, person, event)) people.push(person);
      }
      if (people.length === 0) continue;
      const told = await db.transaction().execute(async (trx) => {
        const ids: string[] = [];
        for (const person of people) if (await notifyOnce(trx, config, person, event)) ids.push(person.id);
        if (ids.length > 0) {
          await recordAudit(trx, audit, {
            entity: 'notification',
            entityId: `${event.entity}:${event.entityId}`,
            action: 'remind',
            after: { kind: event.kind, occasion: event.occasion, recipients: ids },
          });
        }
        return ids.length;
      });
      if (told > 0) created[event.kind] = (created[event.kind] ?? 0) + told;
    }
  }
  return created;
}
