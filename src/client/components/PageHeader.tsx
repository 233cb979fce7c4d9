import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from './page-title';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Badges or short facts shown under the title. */
  meta?: ReactNode;
  /** Buttons for what the user may do on this page. */
  actions?: ReactNode;
}

/**
 * The page's one `h1`, which also names the browser tab. Titles and descriptions are often records' own text, in
 * French or English inside an Arabic page: `dir="auto"` lets each take its own direction.
 */
export function PageHeader({ title, description, meta, actions }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="md" mb="lg">
      <Stack gap="xs" maw="48rem">
        <Title order={1} dir="auto">
          {title}
        </Title>
        {meta}
        {description !== undefined && (
          <Text c="dimmed" dir="auto" style={{ whiteSpace: 'pre-line' }}>
            {description}
          </Text>
        )}
      </Stack>
      {actions !== undefined && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
