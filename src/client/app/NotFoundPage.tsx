import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../components/page-title';
import { useT } from '../i18n/use-t';

export function NotFoundPage() {
  const { t } = useT();
  usePageTitle(t('common:notFound.title'));
  return (
    <Stack align="flex-start" gap="md" py="xl">
      <Title order={1}>{t('common:notFound.title')}</Title>
      <Text>{t('common:notFound.description')}</Text>
      <Button component={Link} to="/" variant="default">
        {t('common:notFound.home')}
      </Button>
    </Stack>
  );
}
