import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { directionOf } from '../../shared/languages';
import { createQueryClient } from '../api/query-client';
import { useT } from '../i18n/use-t';
import { SessionProvider } from '../session/session';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

/** Keeps Mantine's direction in step with the language (`<html dir>` itself is set by the i18n module). */
function DirectionSync() {
  const { i18n } = useT();
  const { setDirection } = useDirection();
  useEffect(() => setDirection(directionOf(i18n.language)), [i18n.language, setDirection]);
  return null;
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useT();
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection={false}>
          <DirectionSync />
          <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
            <Notifications position="top-center" />
            <RouterProvider router={router} />
          </MantineProvider>
        </DirectionProvider>
      </SessionProvider>
    </QueryClientProvider>
  );
}
