import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { usePageTitle } from '../components/page-title';
import { useT } from '../i18n/use-t';
import { NotFoundPage } from './NotFoundPage';

/** Last resort when a page fails to render or its code fails to load (often a new version was just deployed). */
export function RouteErrorPage() {
  const { t } = useT();
  const error = useRouteError();
  usePageTitle(t('common:crash.title'));
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Container component="main" py="xl">
        <NotFoundPage />
      </Container>
    );
  }
  return (
    <Container component="main" py="xl">
      <Stack align="flex-start" gap="md">
        <Title order={1}>{t('common:crash.title')}</Title>
        <Text>{t('common:crash.description')}</Text>
        <Group>
          <Button onClick={() => window.location.reload()}>{t('common:actions.reload')}</Button>
          <Button component={Link} to="/" variant="default">
            {t('common:notFound.home')}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
