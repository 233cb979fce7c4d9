import type { Migration } from 'kysely';
import * as foundation from './2026-11-28T1200_foundation.js';
import * as plan from './2026-11-28T1400_plan.js';
import * as accounts from './2026-11-28T1500_accounts.js';
import * as operations from './2026-11-28T1510_operations.js';
import * as documents from './2026-11-28T1600_documents.js';
import * as activities from './2026-11-28T1610_activities.js';
import * as monitoring from './2026-11-28T1620_monitoring.js';
import * as notifications from './2026-11-28T1630_notifications.js';
import * as awareness from './2026-11-28T1640_awareness.js';
import * as publicSite from './2026-11-28T1650_public_site.js';
import * as search from './2026-11-28T1700_search.js';
import * as reports from './2026-11-28T1710_reports.js';
import * as listIndexes from './2026-11-28T1790_indexes.js';

/** Every migration, by name; names sort in the order they run. Listed explicitly so bundling cannot lose one. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T1200_foundation': foundation,
  '2026-11-28T1400_plan': plan,
  '2026-11-28T1500_accounts': accounts,
  '2026-11-28T1510_operations': operations,
  '2026-11-28T1600_documents': documents,
  '2026-11-28T1610_activities': activities,
  '2026-11-28T1620_monitoring': monitoring,
  '2026-11-28T1630_notifications': notifications,
  '2026-11-28T1640_awareness': awareness,
  '2026-11-28T1650_public_site': publicSite,
  '2026-11-28T1700_search': search,
  '2026-11-28T1710_reports': reports,
  '2026-11-28T1790_indexes': listIndexes,
};
