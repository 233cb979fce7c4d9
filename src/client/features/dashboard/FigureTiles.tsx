import { Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Figure } from '../../../shared/contract/dashboard';
import { useFormat } from '../../i18n/format';
import { hrefOf } from './api';

export interface Tile {
  id: string;
  label: string;
  /** A figure (linked to its list) or a value already formatted. */
  figure?: Figure;
  text?: ReactNode;
  /** The list a value shown as text comes from (the reach page for the groups, the replied statements for the median). */
  to?: string | null;
  hint?: string;
}

/** The section's key numbers, each a link to the list behind it. */
export function FigureTiles({ tiles }: { tiles: Tile[] }) {
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {tiles.map((tile) => {
        const href = tile.figure ? hrefOf(tile.figure.link) : (tile.to ?? null);
        const number = tile.figure ? format.number(tile.figure.value) : tile.text;
        return (
          <Paper key={tile.id} withBorder p="sm" radius="md" data-figure={tile.id}>
            <Text size="sm" c="dimmed">
              {tile.label}
            </Text>
            {href ? (
              <Anchor component={Link} to={href} fz="xl" fw={700} aria-label={`${tile.label}: ${number}`}>
                {number}
              </Anchor>
            ) : (
              <Text fz="xl" fw={700}>
                {number}
              </Text>
            )}
            {tile.hint && (
              <Text size="xs" c="dimmed">
                {tile.hint}
              </Text>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
