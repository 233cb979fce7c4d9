import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

interface SectionProps {
  title: string;
  description?: ReactNode;
  /** Buttons for what the user may do in this section. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled block of a page: a `section` named by its `h2`. */
export function Section({ title, description, actions, children }: SectionProps) {
  const headingId = useId();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Stack gap={4}>
          <Group justify="space-between" gap="xs">
            <Title order={2} size="h3" id={headingId}>
              {title}
            </Title>
            {actions !== undefined && <Group gap="xs">{actions}</Group>}
          </Group>
          {description !== undefined && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}
