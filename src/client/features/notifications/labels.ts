import type { NotificationKind, NotificationMode } from '../../../shared/contract/notifications';

// Keys written out in full, one per value, so that the catalog check sees each one used.

export const kindLabels = {
  action_overdue: 'notifications:kindTitle.action_overdue',
  indicator_report_due: 'notifications:kindTitle.indicator_report_due',
  recommendation_due: 'notifications:kindTitle.recommendation_due',
  meeting_upcoming: 'notifications:kindTitle.meeting_upcoming',
  visit_upcoming: 'notifications:kindTitle.visit_upcoming',
  dialogue_overdue: 'notifications:kindTitle.dialogue_overdue',
} as const satisfies Record<NotificationKind, string>;

/** The same sentences as the emails, from the same catalog. */
export const messageLabels = {
  action_overdue: 'notifications:message.action_overdue',
  indicator_report_due: 'notifications:message.indicator_report_due',
  recommendation_due: 'notifications:message.recommendation_due',
  meeting_upcoming: 'notifications:message.meeting_upcoming',
  visit_upcoming: 'notifications:message.visit_upcoming',
  dialogue_overdue: 'notifications:message.dialogue_overdue',
} as const satisfies Record<NotificationKind, string>;

/** Kinds as a phrase inside a sentence (the unsubscribe page uses the emails' wording). */
export const kindPhrases = {
  action_overdue: 'notifications:kind.action_overdue',
  indicator_report_due: 'notifications:kind.indicator_report_due',
  recommendation_due: 'notifications:kind.recommendation_due',
  meeting_upcoming: 'notifications:kind.meeting_upcoming',
  visit_upcoming: 'notifications:kind.visit_upcoming',
  dialogue_overdue: 'notifications:kind.dialogue_overdue',
} as const satisfies Record<NotificationKind, string>;

export const modeLabels = {
  immediate: 'notifications:preferences.mode.immediate',
  daily: 'notifications:preferences.mode.daily',
  weekly: 'notifications:preferences.mode.weekly',
  in_app: 'notifications:preferences.mode.in_app',
} as const satisfies Record<NotificationMode, string>;
