import type { Kysely, Transaction } from 'kysely';
import { PORTABILITY_FORMAT } from '../../../shared/contract/exports.js';
import type { Actor } from '../../auth/actor.js';
import type { Engine } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { describeTables } from '../../operations/backup/introspect.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { findVisibleInstitution } from '../institutions/institutions.repo.js';

// biome-ignore lint/suspicious/noExplicitAny: tables are walked by name, found at run time.
type AnyTrx = Transaction<any>;
type Row = Record<string, unknown>;

/** A table whose rows belong to a record already in the file: `column` holds the parent's `parentKey`. */
interface Child {
  table: string;
  parent: string;
  column: string;
  /**
   * Rows of the institution itself only, not of every institution record it keeps: an institution record France
   * created for another country is France's, but that country's accounts and pages are not.
   */
  ownOnly?: boolean;
}

/**
 * The rows that hang off an institution's own records. Tables with `owner_institution_id` are found by reading the
 * schema, so a new owned table is carried without a change here; its child tables are named here.
 */
const children: Child[] = [
  { table: 'institution_associations', parent: 'institutions', column: 'institution_id' },
  { table: 'group_memberships', parent: 'institutions', column: 'institution_id', ownOnly: true },
  { table: 'membership_status_changes', parent: 'group_memberships', column: 'membership_id' },
  { table: 'child_site_addresses', parent: 'institutions', column: 'institution_id', ownOnly: true },
  { table: 'child_page_contents', parent: 'institutions', column: 'institution_id', ownOnly: true },
  { table: 'users', parent: 'institutions', column: 'institution_id', ownOnly: true },
  { table: 'declaration_signatories', parent: 'declarations', column: 'declaration_id' },
  { table: 'plan_axes', parent: 'plans', column: 'plan_id' },
  { table: 'plan_action_institutions', parent: 'plan_actions', column: 'action_id' },
  { table: 'plan_action_partners', parent: 'plan_actions', column: 'action_id' },
  { table: 'plan_action_links', parent: 'plan_actions', column: 'action_id' },
  { table: 'document_versions', parent: 'documents', column: 'document_id' },
  { table: 'document_links', parent: 'documents', column: 'document_id' },
  { table: 'checklist_template_themes', parent: 'checklist_templates', column: 'template_id' },
  { table: 'checklist_template_questions', parent: 'checklist_template_themes', column: 'theme_id' },
  { table: 'visit_status_changes', parent: 'visits', column: 'visit_id' },
  { table: 'visit_institutions', parent: 'visits', column: 'visit_id' },
  { table: 'visit_partners', parent: 'visits', column: 'visit_id' },
  { table: 'visit_team', parent: 'visits', column: 'visit_id' },
  { table: 'visit_checklist_answers', parent: 'visits', column: 'visit_id' },
  { table: 'findings', parent: 'visits', column: 'visit_id' },
  { table: 'recommendations', parent: 'visits', column: 'visit_id' },
  { table: 'recommendation_follow_ups', parent: 'recommendations', column: 'recommendation_id' },
  { table: 'urgent_situations', parent: 'visits', column: 'visit_id' },
  { table: 'activity_institutions', parent: 'activities', column: 'activity_id' },
  { table: 'activity_partners', parent: 'activities', column: 'activity_id' },
  { table: 'activity_themes', parent: 'activities', column: 'activity_id' },
  { table: 'training_participants', parent: 'activities', column: 'activity_id' },
  { table: 'statement_responses', parent: 'activities', column: 'activity_id' },
  { table: 'activity_follow_ups', parent: 'activities', column: 'activity_id' },
  { table: 'awareness_reach', parent: 'awareness_sessions', column: 'session_id' },
  { table: 'awareness_session_partners', parent: 'awareness_sessions', column: 'session_id' },
  { table: 'awareness_session_materials', parent: 'awareness_sessions', column: 'session_id' },
];

/**
 * Columns never written to the file, in any table: credentials kept as hashes, secrets kept encrypted, and
 * `text_content`, the text extracted from a file (the file itself is there).
 */
const isLeftOut = (column: string) =>
  column.endsWith('_hash') || column.endsWith('_encrypted') || column === 'csrf_token' || column === 'text_content';

/** What the file says it leaves out, and why: the reader should not mistake an absence for a loss. */
const leftOut = [
  { what: 'users.password_hash', why: 'password_hash' },
  { what: 'urgent_situations.details_encrypted', why: 'urgent_details' },
  { what: 'document_versions.content (earlier versions)', why: 'earlier_versions' },
  { what: 'document_versions.text_content', why: 'derived_text' },
  {
    what: 'sessions, api_tokens, one_time_tokens, user_two_factor, recovery_codes, login_challenges, calendar_feeds',
    why: 'credentials',
  },
  { what: 'audit_events', why: 'audit_trail' },
  { what: 'notifications, notification_preferences, email_outbox', why: 'personal_messages' },
];

const reasons: Record<string, string> = {
  password_hash: 'Passwords are kept only as one-way hashes; a hash is a secret and is of no use elsewhere.',
  urgent_details:
    'The identifying details of urgent situations are encrypted under this platform’s key; they are read one at a time, on purpose, and each reading is audited.',
  earlier_versions: 'Only the current file of each document is carried; earlier versions are described, not copied.',
  derived_text: 'The text extracted from a file for search is rebuilt from the file itself.',
  credentials: 'Sign-in sessions, tokens, two-factor secrets and recovery codes are credentials, not data.',
  audit_trail: 'The audit trail is the network’s record of who did what; it is read through its own access.',
  personal_messages: 'Notifications and emails belong to each person, not to the institution.',
};

const CHUNK = 500;

async function rowsWhere(trx: AnyTrx, table: string, columns: string[], column: string, values: unknown[]) {
  const rows: Row[] = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    const part = values.slice(i, i + CHUNK);
    rows.push(
      ...((await trx
        .selectFrom(table)
        .select(columns)
        .where(column, 'in', part)
        .orderBy(columns[0] as string)
        .execute()) as Row[]),
    );
  }
  return rows;
}

/** Binary columns (a document's bytes) as base64, so the file stays JSON; other values as stored. */
function portable(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
  }
  return out;
}

export function mayExportInstitution(actor: Actor, institutionId: string): boolean {
  if (actor.kind !== 'user') return false;
  const { role, institutionId: own } = actor.user;
  return role === 'administrator' || (role === 'contact_point' && own === institutionId);
}

export interface PortabilityFile {
  format: string;
  generatedAt: string;
  institution: Row;
  leftOut: { what: string; why: string }[];
  tables: Record<string, Row[]>;
}

/**
 * Everything an institution owns, as JSON: every row whose `owner_institution_id` is the institution, the rows that
 * hang off them, the institution's own memberships, accounts and pages for children; read in one transaction (one
 * consistent state) that also records the export in the audit trail.
 */
export async function exportInstitutionData(
  db: Kysely<DB>,
  engine: Engine,
  context: AuditContext,
  institutionId: string,
): Promise<PortabilityFile> {
  const institution = await findVisibleInstitution(db, context.actor, institutionId);
  if (!institution) throw notFound();
  if (!mayExportInstitution(context.actor, institutionId)) throw new AppError(403, 'forbidden');

  return db.transaction().execute(async (trx) => {
    const any = trx as unknown as AnyTrx;
    const described = await describeTables(any, engine);
    const columnsOf = new Map(described.map((t) => [t.name, t.columns.filter((c) => !isLeftOut(c))]));
    const tables: Record<string, Row[]> = {};

    for (const table of described.filter((t) => t.columns.includes('owner_institution_id'))) {
      const columns = columnsOf.get(table.name) as string[];
      const owned = await rowsWhere(any, table.name, columns, 'owner_institution_id', [institutionId]);
      // The institution's own record is its own even when the network keeps it (owner null).
      if (table.name === 'institutions' && !owned.some((row) => row.id === institutionId)) {
        owned.unshift(...(await rowsWhere(any, 'institutions', columns, 'id', [institutionId])));
      }
      tables[table.name] = owned;
    }
    for (const child of children) {
      const columns = columnsOf.get(child.table);
      if (!columns) continue;
      const parents = tables[child.parent] ?? [];
      const keys = child.ownOnly ? [institutionId] : parents.map((row) => row.id);
      const metadata = columns.filter((c) => !(child.table === 'document_versions' && c === 'content'));
      let rows = keys.length > 0 ? await rowsWhere(any, child.table, metadata, child.column, keys) : [];
      if (child.table === 'document_versions') rows = await withCurrentFiles(any, rows, parents);
      tables[child.table] = rows;
    }

    const file: PortabilityFile = {
      format: PORTABILITY_FORMAT,
      generatedAt: new Date().toISOString(),
      institution: tables.institutions?.find((row) => row.id === institutionId) ?? {},
      leftOut: leftOut.map(({ what, why }) => ({ what, why: reasons[why] as string })),
      tables: Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.map(portable)])),
    };
    await recordAudit(trx, context, {
      entity: 'institution',
      entityId: institutionId,
      action: 'export',
      after: {
        format: PORTABILITY_FORMAT,
        rows: Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length])),
      },
      institutionId,
    });
    return file;
  });
}

/** Adds the bytes of each document's current version; earlier versions keep their description only. */
async function withCurrentFiles(trx: AnyTrx, versions: Row[], documents: Row[]): Promise<Row[]> {
  const current = new Map(documents.map((d) => [d.id, d.current_version_no]));
  const currentIds = versions.filter((v) => current.get(v.document_id) === v.number).map((v) => v.id);
  const contents = new Map(
    (await rowsWhere(trx, 'document_versions', ['id', 'content'], 'id', currentIds)).map((r) => [r.id, r.content]),
  );
  return versions.map((version) => ({ ...version, content: contents.get(version.id) ?? null }));
}
