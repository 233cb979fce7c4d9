import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { IconEdit, IconRepeat, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ReachGrid, valuesOfGrid } from '../../components/awareness/ReachGrid';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DetailList } from '../../components/DetailList';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { VisibilityBadge } from '../../components/VisibilityBadge';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDeleteSession, useSession } from './api';
import { channelLabels, settingLabels } from './labels';
import { SessionFormModal } from './SessionFormModal';

export function SessionPage() {
  const { t } = useT();
  const { sessionId = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const query = useSession(sessionId);
  const remove = useDeleteSession();
  const [editing, setEditing] = useState(false);
  const [repeating, setRepeating] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('awareness:sessions.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const session = query.data;
  const media = session.setting === 'media_campaign';
  const confirmDelete = () =>
    remove.mutate(
      { id: session.id, version: session.version },
      {
        onSuccess: () => {
          notifySuccess(t('awareness:sessions.deleted', { title: session.title }));
          navigate('/awareness-sessions', { replace: true });
        },
      },
    );

  return (
    <>
      <Anchor component={Link} to="/awareness-sessions" size="sm">
        {t('awareness:sessions.backToList')}
      </Anchor>
      <PageHeader
        title={session.title}
        meta={
          <Group gap="xs">
            <Badge variant="light">{t(settingLabels[session.setting])}</Badge>
            {session.repeatOf && <Badge variant="outline">{t('awareness:sessions.repeatMark')}</Badge>}
            <VisibilityBadge value={session.visibility} />
          </Group>
        }
        actions={
          <>
            {session.can.repeat && (
              <Button leftSection={<IconRepeat size={16} aria-hidden="true" />} onClick={() => setRepeating(true)}>
                {t('awareness:sessions.repeat')}
              </Button>
            )}
            {session.can.edit && (
              <Button
                variant="default"
                leftSection={<IconEdit size={16} aria-hidden="true" />}
                onClick={() => setEditing(true)}
              >
                {t('common:actions.edit')}
              </Button>
            )}
            {session.can.delete && (
              <Button
                variant="default"
                leftSection={<IconTrash size={16} aria-hidden="true" />}
                onClick={() => setDeleting(true)}
              >
                {t('common:actions.delete')}
              </Button>
            )}
          </>
        }
      />
      <Section title={t('awareness:session.detailsTitle')}>
        <DetailList
          items={[
            { label: t('awareness:session.institution'), value: session.ownerInstitutionName },
            { label: t('awareness:session.setting'), value: t(settingLabels[session.setting]) },
            { label: t('awareness:session.channel'), value: t(channelLabels[session.channel]) },
            { label: t('awareness:session.facility'), value: session.facility?.name },
            {
              label: t('awareness:session.country'),
              value: session.countryCode && format.country(session.countryCode),
            },
            { label: t('awareness:session.place'), value: session.place },
            {
              label: t('awareness:session.dates'),
              value:
                session.endsOn && session.endsOn !== session.startsOn
                  ? t('awareness:session.dateRange', {
                      start: format.date(session.startsOn),
                      end: format.date(session.endsOn),
                    })
                  : format.date(session.startsOn),
            },
            {
              label: t('awareness:session.languages'),
              value: session.languages.length > 0 && format.list(session.languages.map((l) => format.language(l))),
            },
            {
              label: t('awareness:session.materials'),
              value: session.materials.length > 0 && (
                <Group gap="xs">
                  {session.materials.map((m) => (
                    <Anchor key={m.id} component={Link} to={`/materials/${m.id}`} dir="auto">
                      {m.name}
                    </Anchor>
                  ))}
                </Group>
              ),
            },
            {
              label: t('awareness:session.partners'),
              value: session.partners.length > 0 && format.list(session.partners.map((p) => p.name)),
            },
            { label: t('awareness:session.funder'), value: session.funder?.name },
            {
              label: t('awareness:session.budget'),
              value: session.budget && format.money(session.budget.amount, session.budget.currency),
            },
            {
              label: t('awareness:session.planAction'),
              value: session.planAction && (
                <Anchor component={Link} to={`/actions/${session.planAction.id}`}>
                  {session.planAction.name}
                </Anchor>
              ),
            },
            {
              label: t('awareness:session.repeatOf'),
              value: session.repeatOf && (
                <Anchor component={Link} to={`/awareness-sessions/${session.repeatOf.id}`} dir="auto">
                  {session.repeatOf.name}
                </Anchor>
              ),
            },
            {
              label: t('awareness:session.repeats'),
              value: session.repeats > 0 && format.number(session.repeats),
            },
            { label: t('awareness:session.notes'), value: session.notes },
            { label: t('awareness:session.updatedAt'), value: format.dateTime(session.updatedAt) },
          ]}
        />
      </Section>
      {media ? (
        <Section title={t('awareness:session.estimatedAudience')}>
          <Text fz="xl" fw={700} data-testid="audience">
            {session.estimatedAudience === null
              ? t('awareness:sessions.audienceUnknown')
              : t('awareness:sessions.audience', { count: session.estimatedAudience })}
          </Text>
        </Section>
      ) : (
        <Section title={t('awareness:session.peopleMet')} description={t('awareness:session.peopleMetHint')}>
          <ReachGrid values={valuesOfGrid(session.children)} />
          <Text mt="sm">{t('awareness:sessions.adults', { count: session.adults })}</Text>
        </Section>
      )}
      {session.can.edit && editing && <SessionFormModal session={session} opened onClose={() => setEditing(false)} />}
      {session.can.repeat && repeating && (
        <SessionFormModal
          repeatOf={session}
          opened
          onClose={() => setRepeating(false)}
          onSaved={(saved) => navigate(`/awareness-sessions/${saved.id}`)}
        />
      )}
      {session.can.delete && (
        <ConfirmDialog
          opened={deleting}
          onClose={() => {
            setDeleting(false);
            remove.reset();
          }}
          title={t('awareness:sessions.deleteTitle')}
          message={t('awareness:sessions.deleteMessage', { title: session.title })}
          confirmLabel={t('common:actions.delete')}
          onConfirm={confirmDelete}
          pending={remove.isPending}
          error={remove.error}
        />
      )}
    </>
  );
}
