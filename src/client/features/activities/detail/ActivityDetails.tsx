import { Anchor, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Activity } from '../../../../shared/contract/activities';
import { type Detail, DetailList } from '../../../components/DetailList';
import { Section } from '../../../components/Section';
import { VisibilityBadge } from '../../../components/VisibilityBadge';
import { useEventTime } from '../../../i18n/event-time';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { audienceLabels, cadenceLabels, partnerRoleLabels, statementTypeLabels, themeLabels } from '../shared/labels';
import { useInstitutionNames, usePartnerName, usePlace } from '../shared/names';
import { RichText } from '../shared/RichText';
import { TrainingParticipants } from './TrainingParticipants';

/** A list of short texts as a list, or nothing (the detail list then says "not provided"). */
function Items({ items }: { items: string[] }): ReactNode {
  if (items.length === 0) return null;
  return (
    <List size="sm" spacing={2}>
      {items.map((item) => (
        <List.Item key={item}>
          <span dir="auto">{item}</span>
        </List.Item>
      ))}
    </List>
  );
}

function Paragraphs({ text }: { text: string | null }): ReactNode {
  return text && <span style={{ whiteSpace: 'pre-line' }}>{text}</span>;
}

/** What every activity has: when, where, who, themes, notes, visibility. */
export function CommonDetails({ activity }: { activity: Activity }) {
  const { t } = useT();
  const format = useFormat();
  const eventTime = useEventTime();
  const place = usePlace();
  const names = useInstitutionNames();
  const partnerName = usePartnerName();
  const { text, zone } = eventTime.span(activity);
  const list = (items: string[]) => (items.length === 0 ? null : format.list(items));
  const items: Detail[] = [
    {
      label: activity.kind === 'dialogue_body' ? t('activities:body.setUpOn') : t('activities:field.dates'),
      value: zone ? t('activities:dates.withZone', { when: text, zone }) : text,
    },
    { label: t('activities:field.place'), value: place(activity) },
    { label: t('activities:field.organisers'), value: list(names(activity, 'organiser')) },
    {
      label:
        activity.kind === 'study_visit'
          ? t('activities:visit.visitingInstitutions')
          : t('activities:field.participants'),
      value: list(names(activity, 'participant')),
    },
    ...(activity.kind === 'study_visit'
      ? [{ label: t('activities:visit.host'), value: list(names(activity, 'host')) }]
      : []),
    {
      label:
        activity.kind === 'dialogue_body' ? t('activities:body.memberOrganisations') : t('activities:field.partners'),
      value: list(
        activity.partners.map((p) =>
          t('activities:field.partnerWithRole', { partner: partnerName(p), role: t(partnerRoleLabels[p.role]) }),
        ),
      ),
    },
    { label: t('activities:field.themes'), value: list(activity.themes.map((theme) => t(themeLabels[theme]))) },
    { label: t('activities:field.notes'), value: <Paragraphs text={activity.notes} /> },
    { label: t('common:visibility.label'), value: <VisibilityBadge value={activity.visibility} /> },
    { label: t('activities:field.updatedAt'), value: format.dateTime(activity.updatedAt) },
  ];
  return (
    <Section title={t('activities:detail.detailsTitle')}>
      <DetailList items={items} />
    </Section>
  );
}

/** What only this kind has. */
export function KindDetails({ activity }: { activity: Activity }) {
  const { t } = useT();
  const format = useFormat();
  switch (activity.kind) {
    case 'dialogue_body':
      return (
        <Section title={t('activities:body.detailsTitle')}>
          <DetailList
            items={[
              { label: t('activities:body.cadence'), value: t(cadenceLabels[activity.details.cadence]) },
              {
                label: t('activities:body.lastMeeting'),
                value: activity.lastMeetingAt ? format.dateTime(activity.lastMeetingAt) : t('activities:body.neverMet'),
              },
              { label: t('activities:body.memberPeople'), value: <Items items={activity.details.memberPeople} /> },
            ]}
          />
        </Section>
      );
    case 'meeting':
      return (
        <Section title={t('activities:meeting.detailsTitle')}>
          <DetailList
            items={[
              {
                label: t('activities:meeting.body'),
                value: activity.body ? (
                  <Anchor component={Link} to={`/activities/${activity.body.id}`}>
                    {activity.body.title}
                  </Anchor>
                ) : (
                  t('activities:meeting.workingGroup')
                ),
              },
              { label: t('activities:meeting.agenda'), value: <Paragraphs text={activity.details.agenda} /> },
              {
                label: t('activities:meeting.minutes'),
                value: activity.details.minutesHtml && (
                  <div data-testid="minutes">
                    <RichText html={activity.details.minutesHtml} />
                  </div>
                ),
              },
              { label: t('activities:meeting.decisions'), value: <Items items={activity.details.decisions} /> },
            ]}
          />
        </Section>
      );
    case 'training':
      return (
        <Section title={t('activities:training.detailsTitle')}>
          <DetailList
            items={[
              {
                label: t('activities:training.audiences'),
                value:
                  activity.details.audiences.length === 0
                    ? null
                    : format.list(activity.details.audiences.map((a) => t(audienceLabels[a]))),
              },
              {
                label: t('activities:training.participants'),
                value: activity.details.participants.length === 0 ? null : <TrainingParticipants activity={activity} />,
              },
              { label: t('activities:training.trainers'), value: <Items items={activity.details.trainers} /> },
              { label: t('activities:training.materials'), value: <Paragraphs text={activity.details.materials} /> },
              { label: t('activities:training.evaluation'), value: <Paragraphs text={activity.details.evaluation} /> },
            ]}
          />
        </Section>
      );
    case 'statement':
      return (
        <Section title={t('activities:statement.detailsTitle')}>
          <DetailList
            items={[
              { label: t('activities:statement.type'), value: t(statementTypeLabels[activity.details.statementType]) },
              { label: t('activities:statement.addressee'), value: activity.details.addressee },
              {
                label: t('activities:statement.text'),
                value: activity.details.textHtml && <RichText html={activity.details.textHtml} />,
              },
              {
                label: t('activities:statement.publicLink'),
                value: activity.details.publicLink && (
                  <Anchor href={activity.details.publicLink} target="_blank" rel="noopener noreferrer">
                    {activity.details.publicLink}
                  </Anchor>
                ),
              },
            ]}
          />
        </Section>
      );
    case 'study_visit':
      return (
        <Section title={t('activities:visit.detailsTitle')}>
          <DetailList
            items={[
              { label: t('activities:visit.visitors'), value: <Items items={activity.details.visitors} /> },
              { label: t('activities:visit.programme'), value: <Paragraphs text={activity.details.programme} /> },
              { label: t('activities:visit.placesVisited'), value: <Items items={activity.details.placesVisited} /> },
              {
                label: t('activities:visit.missionReport'),
                value: activity.details.missionReportHtml && <RichText html={activity.details.missionReportHtml} />,
              },
              {
                label: t('activities:visit.lessonsLearned'),
                value: <Paragraphs text={activity.details.lessonsLearned} />,
              },
            ]}
          />
        </Section>
      );
    case 'course':
      return (
        <Section title={t('activities:course.detailsTitle')}>
          <DetailList
            items={[
              { label: t('activities:course.name'), value: activity.details.courseName },
              { label: t('activities:course.organiser'), value: activity.details.courseOrganiser },
              { label: t('activities:course.participants'), value: <Items items={activity.details.participants} /> },
              { label: t('activities:course.certificate'), value: <Paragraphs text={activity.details.certificate} /> },
            ]}
          />
        </Section>
      );
  }
}

/** The plan actions this activity serves, as links to their pages. */
export function LinkedActions({ activity }: { activity: Activity }) {
  const { t } = useT();
  return (
    <Section title={t('activities:detail.actionsTitle')} description={t('activities:detail.actionsHint')}>
      {activity.actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('activities:detail.noActions')}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {activity.actions.map((action) => (
            <List.Item key={action.id}>
              <Anchor component={Link} to={`/actions/${action.id}`} dir="auto">
                {action.title}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}
