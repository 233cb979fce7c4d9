import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import classes from './BarChart.module.css';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The list behind the number (a link of the web app), when there is one. */
  to?: string | null;
}

interface BarChartProps {
  /** What the bars count, read before the bars by screen readers (the list's name). */
  label: string;
  bars: Bar[];
  /** Bars drawn in this colour (a Mantine colour variable). */
  color?: string;
}

/**
 * Horizontal bars drawn in SVG, one per item of a list: the label, the bar (decoration, hidden from assistive
 * technologies) and the number, a link to the list behind it. The bars scale to the largest value.
 */
export function BarChart({ label, bars, color = 'var(--mantine-color-blue-6)' }: BarChartProps) {
  const format = useFormat();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <ul className={classes.list} aria-label={label}>
      {bars.map((bar) => (
        <li key={bar.key} className={classes.row}>
          <Text size="sm" dir="auto">
            {bar.label}
          </Text>
          <span className={classes.track}>
            <svg className={classes.bar} viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <rect x="0" y="0" width="100" height="10" fill="var(--mantine-color-gray-1)" />
              <rect x="0" y="0" width={(bar.value / max) * 100} height="10" fill={color} />
            </svg>
          </span>
          <span className={classes.value}>
            {bar.to ? (
              <Anchor
                component={Link}
                to={bar.to}
                size="sm"
                fw={600}
                aria-label={`${bar.label}: ${format.number(bar.value)}`}
              >
                {format.number(bar.value)}
              </Anchor>
            ) : (
              <Text size="sm" fw={600} component="span">
                {format.number(bar.value)}
              </Text>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
