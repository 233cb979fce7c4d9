import type { z } from 'zod';
import type { ExportListName } from '../../../shared/contract/exports.js';
import type { RouteDefinition } from '../../http/route.js';
import type { Column } from './columns.js';

/**
 * One exportable list: the list's own route (its query schema, its handler, hence its visibility and filters), the
 * sheet's title and the columns. Rows come from the list's handler page after page, so an export holds exactly
 * what the list shows its caller.
 */
export interface ExportList<Row = never> {
  name: ExportListName;
  title: `exports:${string}`;
  route: RouteDefinition;
  columns: Column<Row>[];
}

/** The list route named `operationId` among a module's routes: found once, when the registry is built. */
export function listRoute(routes: RouteDefinition[], operationId: string): RouteDefinition {
  const route = routes.find((r) => r.operationId === operationId);
  if (route?.method !== 'GET' || !route.query) throw new Error(`no list route ${operationId}`);
  return route;
}

/** Ties the row type to the list's response schema, so that a column reading a field the list lacks fails to compile. */
export function defineExportList<S extends z.ZodType>(
  _item: S,
  list: ExportList<z.output<S>>,
): ExportList<Record<string, unknown>> {
  return list as unknown as ExportList<Record<string, unknown>>;
}
