import { Box, Container, Group } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { useT } from '../i18n/use-t';
import classes from './AppLayout.module.css';
import { LanguageMenu } from './LanguageMenu';

/** Pages before sign-in: sign-in itself and the one-time links (setup, invitation, password reset). */
export function PublicLayout() {
  const { t } = useT();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBlockEnd: '1px solid var(--mantine-color-gray-3)' }}>
        <Group h={60} px="md" justify="space-between">
          <Link to="/" className={classes.brand}>
            {t('common:app.name')}
          </Link>
          <LanguageMenu />
        </Group>
      </Box>
      <Container component="main" id="main" size={460} py={48}>
        <Outlet />
      </Container>
    </Box>
  );
}
