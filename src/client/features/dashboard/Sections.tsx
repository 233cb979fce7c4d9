import { Badge, Stack, Text, Title } from '@mantine/core';
import { ageBandLabels, sexLabels, statusLabels } from '../../components/awareness/ReachGrid';
import { BarChart } from '../../components/charts/BarChart';
import { ChartOrTable } from '../../components/charts/ChartOrTable';
import { FigureTable } from '../../components/charts/FigureTable';
import { EmptyMessage } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { entriesOf } from '../../i18n/label-maps';
import { useLocalizedLang, useLocalizedText } from '../../i18n/localized';
import { useT } from '../../i18n/use-t';
import { hrefOf, type NetworkDashboard } from './api';
import { FigureTiles } from './FigureTiles';
import {
  actionStatusLabels,
  audienceLabels,
  cadenceLabels,
  facilityKindLabels,
  participantSexLabels,
  recommendationStatusLabels,
  settingLabels,
} from './labels';

type Board = NetworkDashboard;

/** Bars drawn for dialogue bodies (those behind first); the table lists them all. */
const CHART_BODIES = 20;

export function ActionsSection({ plans }: { plans: Board['actions'] }) {
  const { t } = useT();
  const localized = useLocalizedText();
  const lang = useLocalizedLang();
  const statuses = entriesOf(actionStatusLabels);
  return (
    <Section title={t('dashboard:actions.title')} description={t('dashboard:actions.description')}>
      {plans.length === 0 ? (
        <EmptyMessage title={t('dashboard:actions.empty')} />
      ) : (
        plans.map((plan) => {
          const title = localized(plan.title, plan.titleEn);
          return (
            <Stack key={plan.planId} gap="sm">
              <Title order={3} size="h4" lang={lang(plan.titleEn)} dir="auto">
                {title}
              </Title>
              <FigureTiles
                tiles={[
                  { id: 'actions-total', label: t('dashboard:actions.total'), figure: plan.total },
                  { id: 'actions-overdue', label: t('dashboard:actions.overdue'), figure: plan.overdue },
                ]}
              />
              <ChartOrTable
                label={t('dashboard:actions.byStatus', { plan: title })}
                chart={
                  <BarChart
                    label={t('dashboard:actions.byStatus', { plan: title })}
                    bars={statuses.map(([status, key]) => ({
                      key: status,
                      label: t(key),
                      value: plan.byStatus[status].value,
                      to: hrefOf(plan.byStatus[status].link),
                    }))}
                  />
                }
                table={
                  <FigureTable
                    caption={t('dashboard:actions.byStatus', { plan: title })}
                    columns={[t('dashboard:actions.status'), t('dashboard:common.count')]}
                    rows={[
                      ...statuses.map(([status, key]) => ({
                        key: status,
                        header: t(key),
                        cells: [{ value: plan.byStatus[status].value, to: hrefOf(plan.byStatus[status].link) }],
                      })),
                      {
                        key: 'overdue',
                        header: t('dashboard:actions.overdue'),
                        cells: [{ value: plan.overdue.value, to: hrefOf(plan.overdue.link) }],
                      },
                    ]}
                  />
                }
              />
            </Stack>
          );
        })
      )}
    </Section>
  );
}

export function DialogueSection({ dialogue }: { dialogue: NonNullable<Board['dialogue']> }) {
  const { t } = useT();
  const format = useFormat();
  return (
    <Section title={t('dashboard:dialogue.title')} description={t('dashboard:dialogue.description')}>
      <FigureTiles
        tiles={[
          { id: 'bodies', label: t('dashboard:dialogue.bodies'), figure: dialogue.bodies },
          { id: 'bodies-on-time', label: t('dashboard:dialogue.onTime'), figure: dialogue.onTime },
          { id: 'bodies-behind', label: t('dashboard:dialogue.behind'), figure: dialogue.behind },
          { id: 'meetings', label: t('dashboard:dialogue.meetings'), figure: dialogue.meetings },
        ]}
      />
      {dialogue.perBody.length === 0 ? (
        <EmptyMessage title={t('dashboard:dialogue.empty')} />
      ) : (
        <ChartOrTable
          label={t('dashboard:dialogue.perBody')}
          chart={
            <Stack gap="xs">
              <BarChart
                label={t('dashboard:dialogue.perBody')}
                bars={dialogue.perBody.slice(0, CHART_BODIES).map((body) => ({
                  key: body.id,
                  label: body.title,
                  value: body.meetings.value,
                  to: hrefOf(body.meetings.link),
                }))}
              />
              {dialogue.perBody.length > CHART_BODIES && (
                <Text size="sm" c="dimmed">
                  {t('dashboard:dialogue.chartShowsSome', { shown: CHART_BODIES, count: dialogue.perBody.length })}
                </Text>
              )}
            </Stack>
          }
          table={
            <FigureTable
              caption={t('dashboard:dialogue.perBody')}
              columns={[
                t('dashboard:dialogue.body'),
                t('dashboard:dialogue.cadence'),
                t('dashboard:dialogue.meetingsInPeriod'),
                t('dashboard:dialogue.lastMeeting'),
                t('dashboard:dialogue.state'),
              ]}
              rows={dialogue.perBody.map((body) => ({
                key: body.id,
                header: <span dir="auto">{body.title}</span>,
                cells: [
                  body.cadence ? t(cadenceLabels[body.cadence]) : '—',
                  { value: body.meetings.value, to: hrefOf(body.meetings.link) },
                  body.lastMeetingAt ? format.date(body.lastMeetingAt) : t('dashboard:dialogue.never'),
                  <Badge key="state" variant="light" color={body.behind ? 'red' : 'green'}>
                    {body.behind ? t('dashboard:dialogue.isBehind') : t('dashboard:dialogue.isOnTime')}
                  </Badge>,
                ],
              }))}
            />
          }
        />
      )}
    </Section>
  );
}

export function TrainingsSection({
  trainings,
  statements,
}: {
  trainings: NonNullable<Board['trainings']>;
  statements: NonNullable<Board['statements']>;
}) {
  const { t } = useT();
  const audiences = entriesOf(audienceLabels);
  const sexes = entriesOf(participantSexLabels);
  const trainingsHref = hrefOf(trainings.people.link);
  return (
    <Section title={t('dashboard:trainings.title')} description={t('dashboard:trainings.description')}>
      <FigureTiles
        tiles={[
          { id: 'trainings', label: t('dashboard:trainings.trainings'), figure: trainings.trainings },
          { id: 'people-trained', label: t('dashboard:trainings.people'), figure: trainings.people },
          { id: 'statements', label: t('dashboard:statements.statements'), figure: statements.statements },
          { id: 'statements-replied', label: t('dashboard:statements.replied'), figure: statements.replied },
          { id: 'statements-waiting', label: t('dashboard:statements.waiting'), figure: statements.waiting },
          {
            id: 'median-days',
            label: t('dashboard:statements.medianDays'),
            text:
              statements.medianDaysToReply === null
                ? '—'
                : t('dashboard:statements.days', { count: statements.medianDaysToReply }),
            to: hrefOf(statements.replied.link),
          },
        ]}
      />
      <ChartOrTable
        label={t('dashboard:trainings.byAudience')}
        chart={
          <BarChart
            label={t('dashboard:trainings.byAudience')}
            bars={audiences.map(([audience, key]) => ({
              key: audience,
              label: t(key),
              value: sexes.reduce((sum, [sex]) => sum + trainings.byAudience[audience][sex], 0),
              to: trainingsHref,
            }))}
          />
        }
        table={
          <FigureTable
            caption={t('dashboard:trainings.byAudienceAndSex')}
            columns={[t('dashboard:trainings.audience'), ...sexes.map(([, key]) => t(key))]}
            rows={[
              ...audiences.map(([audience, key]) => ({
                key: audience,
                header: t(key),
                cells: sexes.map(([sex]) => ({ value: trainings.byAudience[audience][sex], to: trainingsHref })),
              })),
              {
                key: 'total',
                header: t('dashboard:common.total'),
                cells: sexes.map(([sex]) => ({ value: trainings.bySex[sex], to: trainingsHref })),
              },
            ]}
          />
        }
      />
      <Text size="sm" c="dimmed">
        {t('dashboard:trainings.peopleNote')}
      </Text>
    </Section>
  );
}

export function AwarenessSection({ awareness }: { awareness: NonNullable<Board['awareness']> }) {
  const { t } = useT();
  const format = useFormat();
  const reachHref = hrefOf(awareness.children.link);
  const settings = entriesOf(settingLabels);
  return (
    <Section title={t('dashboard:awareness.title')} description={t('dashboard:awareness.description')}>
      <FigureTiles
        tiles={[
          { id: 'children', label: t('dashboard:awareness.children'), figure: awareness.children },
          { id: 'sessions', label: t('dashboard:awareness.sessions'), figure: awareness.sessions },
          {
            id: 'groups',
            label: t('dashboard:awareness.groups'),
            text: format.number(awareness.groups),
            to: reachHref,
          },
          {
            id: 'adults',
            label: t('dashboard:awareness.adults'),
            text: format.number(awareness.adults),
            to: reachHref,
          },
          {
            id: 'media',
            label: t('dashboard:awareness.media'),
            text: format.number(awareness.mediaAudience),
            to: hrefOf(awareness.bySetting.media_campaign.sessions.link),
            hint: t('dashboard:awareness.mediaNote', { count: awareness.mediaCampaigns }),
          },
        ]}
      />
      <ChartOrTable
        label={t('dashboard:awareness.byAgeBand')}
        chart={
          <BarChart
            label={t('dashboard:awareness.byAgeBand')}
            color="var(--mantine-color-teal-7)"
            bars={entriesOf(ageBandLabels).map(([band, key]) => ({
              key: band,
              label: t(key),
              value: awareness.byAgeBand[band],
              to: reachHref,
            }))}
          />
        }
        table={
          <Stack gap="md">
            <FigureTable
              caption={t('dashboard:awareness.bySex')}
              columns={[t('dashboard:awareness.sex'), t('dashboard:awareness.children')]}
              rows={entriesOf(sexLabels).map(([sex, key]) => ({
                key: sex,
                header: t(key),
                cells: [{ value: awareness.bySex[sex], to: reachHref }],
              }))}
            />
            <FigureTable
              caption={t('dashboard:awareness.byAgeBand')}
              columns={[t('dashboard:awareness.ageBand'), t('dashboard:awareness.children')]}
              rows={entriesOf(ageBandLabels).map(([band, key]) => ({
                key: band,
                header: t(key),
                cells: [{ value: awareness.byAgeBand[band], to: reachHref }],
              }))}
            />
            <FigureTable
              caption={t('dashboard:awareness.byStatus')}
              columns={[t('dashboard:awareness.status'), t('dashboard:awareness.children')]}
              rows={entriesOf(statusLabels).map(([status, key]) => ({
                key: status,
                header: t(key),
                cells: [{ value: awareness.byStatus[status], to: reachHref }],
              }))}
            />
          </Stack>
        }
      />
      <ChartOrTable
        label={t('dashboard:awareness.bySetting')}
        chart={
          <BarChart
            label={t('dashboard:awareness.bySetting')}
            color="var(--mantine-color-teal-7)"
            bars={settings.map(([setting, key]) => ({
              key: setting,
              label: t(key),
              value: awareness.bySetting[setting].children.value,
              to: hrefOf(awareness.bySetting[setting].children.link),
            }))}
          />
        }
        table={
          <FigureTable
            caption={t('dashboard:awareness.bySetting')}
            columns={[
              t('dashboard:awareness.setting'),
              t('dashboard:awareness.sessions'),
              t('dashboard:awareness.children'),
            ]}
            rows={settings.map(([setting, key]) => ({
              key: setting,
              header: t(key),
              cells: [
                {
                  value: awareness.bySetting[setting].sessions.value,
                  to: hrefOf(awareness.bySetting[setting].sessions.link),
                },
                {
                  value: awareness.bySetting[setting].children.value,
                  to: hrefOf(awareness.bySetting[setting].children.link),
                },
              ],
            }))}
          />
        }
      />
      <Text size="sm" c="dimmed">
        {t('dashboard:awareness.howCounted')}
      </Text>
    </Section>
  );
}

export function VisitsSection({ visits }: { visits: NonNullable<Board['visits']> }) {
  const { t } = useT();
  const kinds = entriesOf(facilityKindLabels);
  return (
    <Section title={t('dashboard:visits.title')} description={t('dashboard:visits.description')}>
      <FigureTiles
        tiles={[
          { id: 'visits', label: t('dashboard:visits.total'), figure: visits.total },
          { id: 'visits-announced', label: t('dashboard:visits.announced'), figure: visits.announced },
          { id: 'visits-unannounced', label: t('dashboard:visits.unannounced'), figure: visits.unannounced },
          { id: 'visits-joint', label: t('dashboard:visits.joint'), figure: visits.joint },
        ]}
      />
      <ChartOrTable
        label={t('dashboard:visits.byKind')}
        chart={
          <BarChart
            label={t('dashboard:visits.byKind')}
            color="var(--mantine-color-indigo-7)"
            bars={kinds.map(([kind, key]) => ({
              key: kind,
              label: t(key),
              value: visits.byFacilityKind[kind].value,
              to: hrefOf(visits.byFacilityKind[kind].link),
            }))}
          />
        }
        table={
          <FigureTable
            caption={t('dashboard:visits.byKind')}
            columns={[t('dashboard:visits.kind'), t('dashboard:visits.total')]}
            rows={kinds.map(([kind, key]) => ({
              key: kind,
              header: t(key),
              cells: [{ value: visits.byFacilityKind[kind].value, to: hrefOf(visits.byFacilityKind[kind].link) }],
            }))}
          />
        }
      />
    </Section>
  );
}

export function RecommendationsSection({
  recommendations,
}: {
  recommendations: NonNullable<Board['recommendations']>;
}) {
  const { t } = useT();
  const format = useFormat();
  const statuses = entriesOf(recommendationStatusLabels);
  return (
    <Section title={t('dashboard:recommendations.title')} description={t('dashboard:recommendations.description')}>
      <FigureTiles
        tiles={[
          { id: 'recommendations', label: t('dashboard:recommendations.total'), figure: recommendations.total },
          {
            id: 'implementation-rate',
            label: t('dashboard:recommendations.rate'),
            text:
              recommendations.implementationRate === null ? '—' : format.percent(recommendations.implementationRate),
            to: hrefOf(recommendations.byStatus.implemented.link),
            hint: t('dashboard:recommendations.rateNote'),
          },
          {
            id: 'recommendations-overdue',
            label: t('dashboard:recommendations.overdue'),
            figure: recommendations.overdue,
          },
          {
            id: 'recommendations-repeated',
            label: t('dashboard:recommendations.repeated'),
            figure: recommendations.repeated,
          },
        ]}
      />
      <ChartOrTable
        label={t('dashboard:recommendations.byStatus')}
        chart={
          <BarChart
            label={t('dashboard:recommendations.byStatus')}
            color="var(--mantine-color-grape-7)"
            bars={statuses.map(([status, key]) => ({
              key: status,
              label: t(key),
              value: recommendations.byStatus[status].value,
              to: hrefOf(recommendations.byStatus[status].link),
            }))}
          />
        }
        table={
          <FigureTable
            caption={t('dashboard:recommendations.byStatus')}
            columns={[t('dashboard:recommendations.status'), t('dashboard:common.count')]}
            rows={statuses.map(([status, key]) => ({
              key: status,
              header: t(key),
              cells: [
                { value: recommendations.byStatus[status].value, to: hrefOf(recommendations.byStatus[status].link) },
              ],
            }))}
          />
        }
      />
    </Section>
  );
}
