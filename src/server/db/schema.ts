import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as Kysely sees it. Portable types on both engines: ids are UUID text, timestamps ISO-8601 UTC text,
 * dates `YYYY-MM-DD` text, booleans 0/1 integers, JSON as text.
 */
export interface DB {
  associations: AssociationTable;
  institutions: InstitutionTable;
  institution_associations: InstitutionAssociationTable;
  groups: GroupTable;
  group_associations: GroupAssociationTable;
  group_memberships: GroupMembershipTable;
  membership_status_changes: MembershipStatusChangeTable;
  contact_points: ContactPointTable;
  partners: PartnerTable;
  declarations: DeclarationTable;
  declaration_signatories: DeclarationSignatoryTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  one_time_tokens: OneTimeTokenTable;
  login_failures: LoginFailureTable;
  audit_events: AuditEventTable;
  seed_runs: SeedRunTable;
  plans: PlanTable;
  plan_axes: PlanAxisTable;
  plan_axis_partners: PlanAxisPartnerTable;
  plan_axis_exceptions: PlanAxisExceptionTable;
  plan_actions: PlanActionTable;
  plan_action_institutions: PlanActionInstitutionTable;
  plan_action_partners: PlanActionPartnerTable;
  plan_action_links: PlanActionLinkTable;
  indicators: IndicatorTable;
  reporting_periods: ReportingPeriodTable;
  indicator_reports: IndicatorReportTable;
  user_two_factor: UserTwoFactorTable;
  recovery_codes: RecoveryCodeTable;
  login_challenges: LoginChallengeTable;
  settings: SettingTable;
  audit_chain_head: AuditChainHeadTable;
}

interface Versioned {
  version: number;
  created_at: string;
  updated_at: string;
}

interface Owned {
  owner_institution_id: string | null;
  visibility: string;
}

export interface AssociationTable extends Versioned {
  id: string;
  code: string;
  name_fr: string;
  name_en: string;
  founded_on: string | null;
  website: string | null;
  notes: string | null;
}

export interface InstitutionTable extends Versioned, Owned {
  id: string;
  country_code: string;
  name_original: string | null;
  name_fr: string;
  name_en: string | null;
  acronym: string | null;
  kind: string;
  website: string | null;
  data_status: string;
  notes: string | null;
}

export interface InstitutionAssociationTable {
  institution_id: string;
  association_id: string;
  status: string;
  note: string | null;
}

export interface GroupTable extends Versioned {
  id: string;
  name_fr: string;
  name_en: string;
  description_fr: string | null;
  description_en: string | null;
}

export interface GroupAssociationTable {
  group_id: string;
  association_id: string;
}

export interface GroupMembershipTable extends Versioned {
  id: string;
  group_id: string;
  institution_id: string;
  position: number;
  status: string;
  status_since: string | null;
}

export interface MembershipStatusChangeTable {
  id: string;
  membership_id: string;
  status: string;
  changed_on: string | null;
  note: string | null;
  actor_user_id: string | null;
  created_at: string;
}

export interface ContactPointTable extends Versioned, Owned {
  id: string;
  membership_id: string;
  name: string | null;
  role_title: string | null;
  email: string | null;
  phone: string | null;
  languages: string;
  starts_on: string | null;
  ends_on: string | null;
  notes: string | null;
}

export interface PartnerTable extends Versioned, Owned {
  id: string;
  name_fr: string;
  name_en: string | null;
  acronym_fr: string | null;
  acronym_en: string | null;
  kind: string;
  country_code: string | null;
  website: string | null;
  notes: string | null;
}

export interface DeclarationTable extends Versioned, Owned {
  id: string;
  title_fr: string;
  title_en: string | null;
  adopted_on: string | null;
  place: string | null;
  summary_fr: string | null;
  summary_en: string | null;
  link: string | null;
  text: string | null;
}

export interface DeclarationSignatoryTable {
  declaration_id: string;
  association_id: string;
}

export interface UserTable extends Versioned {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  role: string;
  institution_id: string | null;
  partner_id: string | null;
  language: string;
  status: string;
  last_login_at: string | null;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface OneTimeTokenTable {
  id: string;
  purpose: string;
  token_hash: string;
  user_id: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginFailureTable {
  id: Generated<number>;
  key: string;
  ip: string | null;
  at: string;
}

export interface AuditEventTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_label: string;
  entity: string;
  entity_id: string;
  action: string;
  entity_version: number | null;
  changes: string;
  institution_id: string | null;
  request_id: string | null;
  /** Position in the hash chain (null only for events written before the chain existed, never after migration). */
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

export interface SeedRunTable {
  name: string;
  ran_at: string;
}

export interface PlanTable extends Versioned, Owned {
  id: string;
  group_id: string;
  title_fr: string;
  title_en: string | null;
  starts_on: string;
  ends_on: string;
  status: string;
  source_text: string | null;
  previous_plan_id: string | null;
}

export interface PlanAxisTable extends Versioned {
  id: string;
  plan_id: string;
  parent_id: string | null;
  number: string;
  position: number;
  title_fr: string;
  title_en: string | null;
  text_fr: string | null;
  text_en: string | null;
  each_institution: number;
}

export interface PlanAxisPartnerTable {
  axis_id: string;
  partner_id: string;
  role: string;
}

export interface PlanAxisExceptionTable {
  axis_id: string;
  institution_id: string;
  note: string | null;
  created_at: string;
}

export interface PlanActionTable extends Versioned, Owned {
  id: string;
  plan_id: string;
  axis_id: string;
  title: string;
  description: string | null;
  lead_institution_id: string | null;
  status: string;
  planned_start: string | null;
  planned_end: string | null;
  completed_on: string | null;
  funder_partner_id: string | null;
  budget_minor: number | null;
  budget_currency: string | null;
  comments: string | null;
  carried_from_id: string | null;
}

export interface PlanActionInstitutionTable {
  action_id: string;
  institution_id: string;
}

export interface PlanActionPartnerTable {
  action_id: string;
  partner_id: string;
}

export interface PlanActionLinkTable {
  action_id: string;
  entity: string;
  entity_id: string;
  created_at: string;
}

export interface IndicatorTable extends Versioned {
  id: string;
  plan_id: string;
  axis_id: string | null;
  action_id: string | null;
  code: string;
  name_fr: string;
  name_en: string | null;
  unit: string;
  aggregation: string;
  baseline: number | null;
  target: number | null;
  frequency: string;
  dimensions: string;
  notes: string | null;
}

export interface ReportingPeriodTable extends Versioned {
  id: string;
  plan_id: string;
  label: string;
  starts_on: string;
  ends_on: string;
  status: string;
  closed_at: string | null;
  closed_by: string | null;
}

export interface IndicatorReportTable extends Versioned {
  id: string;
  indicator_id: string;
  period_id: string;
  institution_id: string;
  status: string;
  cells: string;
  total: number;
  notes: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  validated_at: string | null;
  validated_by: string | null;
  owner_institution_id: string;
  visibility: string;
}

export type InstitutionRow = Selectable<InstitutionTable>;
export type NewInstitution = Insertable<InstitutionTable>;
export type InstitutionUpdate = Updateable<InstitutionTable>;
export type UserRow = Selectable<UserTable>;
export type AuditEventRow = Selectable<AuditEventTable>;

export interface UserTwoFactorTable {
  user_id: string;
  /** `v1.<iv>.<tag>.<ciphertext>`: AES-256-GCM under the configuration's encryption key. */
  secret_encrypted: string;
  enabled_at: string | null;
  last_used_step: number | null;
  created_at: string;
  updated_at: string;
}

export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface LoginChallengeTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  attempts: number;
  used_at: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

export interface AuditChainHeadTable {
  id: number;
  seq: number;
  last_hash: string;
  last_event_id: string | null;
  pruned_through_seq: number;
  pruned_through_hash: string;
  updated_at: string;
}

// Operations (2026-11-28T1510_operations): the jobs every process shares.
export interface DB {
  jobs: JobTable;
}

export interface JobTable {
  name: string;
  interval_seconds: number;
  next_run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_error: string | null;
  last_result: string | null;
  failures: number;
  attempts: number;
  created_at: string;
}

export type JobRow = Selectable<JobTable>;

// Documents (2026-11-28T1600_documents): the library, its files' versions (bytes included) and attachments.
export interface DB {
  documents: DocumentTable;
  document_versions: DocumentVersionTable;
  document_links: DocumentLinkTable;
}

export interface DocumentTable extends Versioned, Owned {
  id: string;
  title: string;
  description: string | null;
  language: string | null;
  current_version_no: number;
  created_by: string | null;
}

export interface DocumentVersionTable {
  id: string;
  document_id: string;
  number: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  text_content: string | null;
  /** The stored bytes: never select it in lists (name the columns). */
  content: Uint8Array;
  created_at: string;
  created_by: string | null;
}

export interface DocumentLinkTable {
  document_id: string;
  entity: string;
  entity_id: string;
  created_at: string;
}

// Monitoring (2026-11-28T1620_monitoring): facilities, visits, checklists, findings, recommendations, urgent cases.
export interface DB {
  facilities: FacilityTable;
  checklist_templates: ChecklistTemplateTable;
  checklist_template_themes: ChecklistTemplateThemeTable;
  checklist_template_questions: ChecklistTemplateQuestionTable;
  visits: VisitTable;
  visit_status_changes: VisitStatusChangeTable;
  visit_institutions: VisitInstitutionTable;
  visit_partners: VisitPartnerTable;
  visit_team: VisitTeamTable;
  visit_checklist_answers: VisitChecklistAnswerTable;
  findings: FindingTable;
  recommendations: RecommendationTable;
  recommendation_follow_ups: RecommendationFollowUpTable;
  urgent_situations: UrgentSituationTable;
}

export interface FacilityTable extends Versioned, Owned {
  id: string;
  name: string;
  kind: string;
  country_code: string;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  operating_authority: string | null;
  capacity: number | null;
  holds_children: number;
  is_open: number;
  notes: string | null;
}

export interface ChecklistTemplateTable extends Versioned, Owned {
  id: string;
  name_fr: string;
  name_en: string | null;
  description_fr: string | null;
  description_en: string | null;
  is_active: number;
}

export interface ChecklistTemplateThemeTable {
  id: string;
  template_id: string;
  position: number;
  theme: string;
  title_fr: string;
  title_en: string | null;
}

export interface ChecklistTemplateQuestionTable {
  id: string;
  theme_id: string;
  position: number;
  text_fr: string;
  text_en: string | null;
  /** JSON array of strings. */
  standards: string;
}

export interface VisitTable extends Versioned, Owned {
  id: string;
  facility_id: string;
  starts_on: string;
  ends_on: string;
  type: string;
  announced: number;
  status: string;
  status_changed_at: string;
  status_changed_by: string | null;
  objectives: string | null;
  summary: string | null;
  population_total: number | null;
  population_children: number | null;
  population_unaccompanied: number | null;
  population_girls: number | null;
  population_age_0_5: number | null;
  population_age_6_11: number | null;
  population_age_12_14: number | null;
  population_age_15_17: number | null;
  checklist_template_id: string | null;
  checklist_started_at: string | null;
}

export interface VisitStatusChangeTable {
  id: string;
  visit_id: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  changed_at: string;
  changed_by: string | null;
}

export interface VisitInstitutionTable {
  visit_id: string;
  institution_id: string;
}

export interface VisitPartnerTable {
  visit_id: string;
  partner_id: string;
}

export interface VisitTeamTable {
  id: string;
  visit_id: string;
  position: number;
  name: string;
  role: string | null;
  institution_id: string | null;
}

export interface VisitChecklistAnswerTable {
  id: string;
  visit_id: string;
  theme_position: number;
  theme: string;
  theme_title_fr: string;
  theme_title_en: string | null;
  question_position: number;
  question_fr: string;
  question_en: string | null;
  standards: string;
  answer: string | null;
  note: string | null;
  answered_at: string | null;
  answered_by: string | null;
}

export interface FindingTable extends Versioned {
  id: string;
  visit_id: string;
  theme: string;
  severity: string;
  text: string;
  standards: string;
  evidence: string | null;
}

export interface RecommendationTable extends Versioned {
  id: string;
  visit_id: string;
  finding_id: string | null;
  addressee: string;
  text: string;
  theme: string;
  priority: string;
  issued_on: string;
  due_on: string | null;
  repeats_id: string | null;
  status: string;
  status_on: string;
  first_reply_on: string | null;
}

export interface RecommendationFollowUpTable {
  id: string;
  recommendation_id: string;
  happened_on: string;
  from_status: string;
  to_status: string;
  note: string | null;
  evidence: string | null;
  created_at: string;
  created_by: string | null;
}

export interface UrgentSituationTable extends Versioned {
  id: string;
  visit_id: string;
  code: string;
  age_band: string;
  sex: string;
  nationality: string | null;
  /** JSON array of need categories. */
  needs: string;
  referred_to: string | null;
  status: string;
  /** AES-256-GCM under the configuration's key, the row's id as context: never clear text. */
  details_encrypted: string | null;
}

// Notifications (2026-11-28T1630_notifications): in-app notifications, preferences per kind, the email outbox.
export interface DB {
  notifications: NotificationTable;
  notification_preferences: NotificationPreferenceTable;
  email_outbox: EmailOutboxTable;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  entity: string;
  entity_id: string;
  occasion: string;
  record_table: string;
  record_id: string;
  link: string;
  params: string;
  created_at: string;
  read_at: string | null;
  email_state: string;
}

export interface NotificationPreferenceTable {
  user_id: string;
  kind: string;
  mode: string;
  updated_at: string;
}

export interface EmailOutboxTable {
  id: string;
  user_id: string | null;
  to_address: string;
  language: string;
  purpose: string;
  /** `{subject, text, html, headers}` as JSON, AES-256-GCM encrypted under the configuration's key (context: id). */
  content: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  last_attempt_at: string | null;
  created_at: string;
  sent_at: string | null;
}

export type NotificationRow = Selectable<NotificationTable>;
export type EmailOutboxRow = Selectable<EmailOutboxTable>;

export interface DB {
  activities: ActivityTable;
  activity_institutions: ActivityInstitutionTable;
  activity_partners: ActivityPartnerTable;
  activity_themes: ActivityThemeTable;
  training_participants: TrainingParticipantTable;
  statement_responses: StatementResponseTable;
  activity_follow_ups: ActivityFollowUpTable;
  calendar_feeds: CalendarFeedTable;
}

export interface ActivityTable extends Versioned, Owned {
  id: string;
  kind: string;
  axis: number;
  title: string;
  all_day: number;
  /** As entered, local to `time_zone`: 'YYYY-MM-DD' when all-day, 'YYYY-MM-DDTHH:mm' otherwise. */
  starts_local: string;
  ends_local: string;
  time_zone: string;
  starts_utc: string;
  ends_utc: string;
  city: string | null;
  country_code: string | null;
  online: number;
  body_id: string | null;
  cadence_months: number | null;
  /** Kind-specific scalars, JSON (validated by the contract's schema of the kind). */
  details: string;
  notes: string | null;
}

export interface ActivityInstitutionTable {
  activity_id: string;
  institution_id: string;
  role: string;
}

export interface ActivityPartnerTable {
  activity_id: string;
  partner_id: string;
  role: string;
}

export interface ActivityThemeTable {
  activity_id: string;
  theme: string;
}

export interface TrainingParticipantTable {
  activity_id: string;
  audience: string;
  sex: string;
  count: number;
}

export interface StatementResponseTable extends Versioned {
  id: string;
  activity_id: string;
  received_on: string;
  summary: string | null;
}

export interface ActivityFollowUpTable extends Versioned {
  id: string;
  activity_id: string;
  text: string;
  owner: string | null;
  due_on: string | null;
  status: string;
}

export interface CalendarFeedTable {
  id: string;
  scope: string;
  user_id: string | null;
  institution_id: string | null;
  /** HMAC of the secret token; the token itself is never stored. */
  token_hash: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

// Awareness (2026-11-28T1640_awareness): sessions and campaigns, their reach (counts only), materials.
export interface DB {
  materials: MaterialTable;
  awareness_sessions: AwarenessSessionTable;
  awareness_reach: AwarenessReachTable;
  awareness_session_partners: AwarenessSessionPartnerTable;
  awareness_session_materials: AwarenessSessionMaterialTable;
}

export interface MaterialTable extends Versioned, Owned {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  /** JSON array of language tags. */
  languages: string;
  age_min: number | null;
  age_max: number | null;
  approval_status: string;
  status_changed_by: string | null;
  status_changed_at: string | null;
}

export interface AwarenessSessionTable extends Versioned, Owned {
  id: string;
  title: string;
  setting: string;
  channel: string;
  facility_id: string | null;
  country_code: string | null;
  place: string | null;
  starts_on: string;
  ends_on: string | null;
  /** JSON array of language tags. */
  languages: string;
  funder_partner_id: string | null;
  budget_minor: number | string | null;
  budget_currency: string | null;
  repeat_of_id: string | null;
  estimated_audience: number | string | null;
  adults: number;
  notes: string | null;
}

export interface AwarenessReachTable {
  session_id: string;
  sex: string;
  age_band: string;
  status: string;
  count: number;
}

export interface AwarenessSessionPartnerTable {
  session_id: string;
  partner_id: string;
}

export interface AwarenessSessionMaterialTable {
  session_id: string;
  material_id: string;
}

// Public site (2026-11-28T1650_public_site): pages for children per institution and language.
export interface DB {
  child_site_addresses: ChildSiteAddressTable;
  child_page_contents: ChildPageContentTable;
}

/** An institution's address on the public site (`/fr/<slug>`), from its first page for children on. */
export interface ChildSiteAddressTable {
  institution_id: string;
  slug: string;
  created_at: string;
}

export interface ChildPageContentTable {
  id: string;
  institution_id: string;
  language: string;
  status: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  published_at: string | null;
  published_by: string | null;
  institution_name: string;
  about: string;
  promise: string;
  who_can_ask: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  hours: string | null;
  website: string | null;
  complaint_form_url: string | null;
  next_steps: string;
  /** JSON text: `[{ topic, text }]`. */
  rights: string;
  /** JSON text: `[{ label, number }]`. */
  emergency_numbers: string;
  data_use: string;
  /** JSON text: the page's headings and link texts in its language. */
  labels: string;
  version: number;
  created_at: string;
  updated_at: string;
}

// Reports (2026-11-28T1710_reports): consolidated activity reports, generated in the background.
export interface DB {
  activity_reports: ActivityReportTable;
}

export interface ActivityReportTable {
  id: string;
  requested_by: string;
  language: string;
  period_from: string;
  period_to: string;
  /** JSON array of institution ids; empty: everything the requester sees. */
  institution_ids: string;
  status: string;
  progress: number;
  step: string | null;
  error: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  attempts: number;
  /** The files once done: never select them in lists (name the columns). */
  pdf: Uint8Array | null;
  pdf_size: number | null;
  docx: Uint8Array | null;
  docx_size: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}
