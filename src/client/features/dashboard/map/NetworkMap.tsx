import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { geoCentroid, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useId, useMemo } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth 1:50m (Malta is missing at 1:110m): a file of the build, fetched only when the map is shown.
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { useT } from '../../../i18n/use-t';
import type { NetworkDashboard } from '../api';
import isoNumeric from './iso-numeric.json';

const WIDTH = 960;
const HEIGHT = 520;
const numericOf = isoNumeric as Record<string, string>;

type Countries = FeatureCollection<Geometry, { name: string }>;

async function loadCountries(signal: AbortSignal): Promise<Countries> {
  const response = await fetch(countriesUrl, { signal });
  if (!response.ok) throw new Error(response.statusText);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return feature(topology, topology.objects.countries) as Countries;
}

interface NetworkMapProps {
  map: NetworkDashboard['map'];
  /** Names the map for assistive technologies; the country table beside it says the same in text. */
  label: string;
}

/**
 * Member countries, the visited facilities that have coordinates, and awareness sessions per country, drawn in SVG
 * from the shipped Natural Earth data (no tile server: works offline). Framed on what it shows.
 */
export default function NetworkMap({ map, label }: NetworkMapProps) {
  const labelId = useId();
  const { t } = useT();
  const countries = useQuery({
    queryKey: ['dashboard', 'geodata'],
    queryFn: ({ signal }) => loadCountries(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

  const drawing = useMemo(() => {
    if (!countries.data) return null;
    const members = new Set(map.memberCountries.map((code) => numericOf[code]).filter(Boolean));
    const sessionsByNumeric = new Map(
      map.countries
        .filter((c) => (c.sessions?.value ?? 0) > 0)
        .map((c) => [numericOf[c.country], c.sessions?.value ?? 0] as const),
    );
    const shown = countries.data.features.filter(
      (f) => members.has(String(f.id)) || sessionsByNumeric.has(String(f.id)),
    );
    const points: Feature[] = map.facilities.map((f) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [f.longitude, f.latitude] },
    }));
    const framed: FeatureCollection = {
      type: 'FeatureCollection',
      features: shown.length + points.length > 0 ? [...shown, ...points] : countries.data.features,
    };
    const projection = geoNaturalEarth1().fitExtent(
      [
        [12, 12],
        [WIDTH - 12, HEIGHT - 12],
      ],
      framed,
    );
    const path = geoPath(projection);
    const maxSessions = Math.max(1, ...sessionsByNumeric.values());
    return {
      countries: countries.data.features.map((f) => ({
        id: String(f.id ?? f.properties.name),
        d: path(f) ?? '',
        member: members.has(String(f.id)),
      })),
      sessions: shown
        .filter((f) => sessionsByNumeric.has(String(f.id)))
        .map((f) => {
          const [x, y] = projection(geoCentroid(f)) ?? [0, 0];
          const count = sessionsByNumeric.get(String(f.id)) ?? 0;
          return { id: String(f.id), x, y, r: 4 + 10 * Math.sqrt(count / maxSessions) };
        }),
      facilities: map.facilities.map((f) => {
        const [x, y] = projection([f.longitude, f.latitude]) ?? [0, 0];
        return { id: f.id, x, y };
      }),
    };
  }, [countries.data, map]);

  if (countries.isPending) return <LoadingState label={t('dashboard:map.loading')} />;
  if (countries.isError || !drawing) {
    return <ErrorState error={countries.error} onRetry={() => void countries.refetch()} />;
  }

  const summary = t('dashboard:map.summary', {
    members: map.memberCountries.length,
    facilities: map.facilities.length,
    sessions: map.countries.reduce((sum, c) => sum + (c.sessions?.value ?? 0), 0),
  });
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={labelId}
        aria-describedby={`${labelId}-summary`}
        style={{ inlineSize: '100%', blockSize: 'auto', background: 'var(--mantine-color-blue-0)' }}
        data-testid="network-map"
      >
        <title id={labelId}>{label}</title>
        <g>
          {drawing.countries.map((c) => (
            <path
              key={c.id}
              d={c.d}
              data-member={c.member ? 'true' : undefined}
              fill={c.member ? 'var(--mantine-color-blue-3)' : 'var(--mantine-color-gray-2)'}
              stroke="var(--mantine-color-gray-5)"
              strokeWidth={0.4}
            />
          ))}
        </g>
        <g>
          {drawing.sessions.map((s) => (
            <circle
              key={s.id}
              cx={s.x}
              cy={s.y}
              r={s.r}
              fill="var(--mantine-color-teal-7)"
              fillOpacity={0.7}
              stroke="white"
            />
          ))}
        </g>
        <g>
          {drawing.facilities.map((f) => (
            <rect
              key={f.id}
              x={f.x - 4}
              y={f.y - 4}
              width={8}
              height={8}
              transform={`rotate(45 ${f.x} ${f.y})`}
              fill="var(--mantine-color-red-8)"
              stroke="white"
            />
          ))}
        </g>
      </svg>
      <figcaption>
        <Text size="sm" id={`${labelId}-summary`}>
          {summary}
        </Text>
        <Group gap="md" mt={4} aria-hidden="true">
          <Legend color="var(--mantine-color-blue-3)" label={t('dashboard:map.legendMember')} />
          <Legend color="var(--mantine-color-teal-7)" label={t('dashboard:map.legendSessions')} round />
          <Legend color="var(--mantine-color-red-8)" label={t('dashboard:map.legendFacility')} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('dashboard:map.source')}
        </Text>
      </figcaption>
    </figure>
  );
}

function Legend({ color, label, round = false }: { color: string; label: string; round?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
        {round ? <circle cx="6" cy="6" r="5" fill={color} /> : <rect width="12" height="12" fill={color} />}
      </svg>
      <Text size="xs">{label}</Text>
    </Group>
  );
}
