import { Box, Progress } from '@mantine/core';
import { type ActionStatus, actionStatusColors, actionStatusList } from '../shared/labels';

/**
 * The share of each action status, as one bar. Decorative: the same numbers are in the table beside it, as text,
 * so the bar is hidden from assistive technologies and nothing depends on telling its colours apart.
 */
export function StatusBar({ counts }: { counts: Record<ActionStatus, number> }) {
  const total = actionStatusList.reduce((sum, status) => sum + counts[status], 0);
  if (total === 0) return <Box h={10} miw={120} bg="gray.1" style={{ borderRadius: 4 }} aria-hidden="true" />;
  return (
    <Progress.Root size={10} miw={120} aria-hidden="true">
      {actionStatusList
        .filter((status) => counts[status] > 0)
        .map((status) => (
          <Progress.Section
            key={status}
            value={(counts[status] / total) * 100}
            color={actionStatusColors[status]}
            withAria={false}
          />
        ))}
    </Progress.Root>
  );
}
