/**
 * Enum values are translated through explicit maps of literal keys (`{ active: 'users:status.active' }`), so that
 * every key is visible to the catalog check. This lists a map's entries with their literal types, so `t(key)` stays
 * type-checked when building select options.
 */
export function entriesOf<K extends string, V>(map: Record<K, V>): [K, V][] {
  return Object.entries(map) as [K, V][];
}
