import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../../components/QueryStates';
import { useT } from '../../../i18n/use-t';
import { useLocalizedText } from '../shared/localized';
import { useGroups } from './api';
import { GroupView } from './GroupPage';

/** Home: the working group itself; should the network ever hold several groups, a choice among them. */
export function WorkingGroupHome() {
  const { t } = useT();
  const localized = useLocalizedText();
  const groups = useGroups();

  if (groups.isPending) return <LoadingState />;
  if (groups.isError) {
    return (
      <>
        <PageHeader title={t('network:group.title')} />
        <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />
      </>
    );
  }
  const [only, ...others] = groups.data.items;
  if (!only) {
    return (
      <>
        <PageHeader title={t('network:group.title')} />
        <EmptyMessage title={t('network:group.none')} description={t('network:group.noneHint')} />
      </>
    );
  }
  if (others.length === 0) return <GroupView groupId={only.id} />;
  return (
    <>
      <PageHeader title={t('network:group.listTitle')} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {groups.data.items.map((group) => (
          <Card key={group.id} withBorder radius="md">
            <Anchor component={Link} to={`/groups/${group.id}`} fw={600} size="lg">
              {localized(group.nameFr, group.nameEn)}
            </Anchor>
            <Text size="sm" c="dimmed" mt="xs">
              {t('network:group.memberCount', { count: group.memberCount })}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
