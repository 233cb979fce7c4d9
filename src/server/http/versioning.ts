import { versionNumber } from '../../shared/contract/common.js';
import { AppError } from './errors.js';

/** Every edit names the version it was made from; a stale one is refused instead of silently overwriting. */
export const versionField = { version: versionNumber };

export function versionConflict(current: unknown, changedSince: string[]): AppError {
  return new AppError(409, 'version_conflict', {}, { current, changedFields: changedSince });
}

export function nowIso(): string {
  return new Date().toISOString();
}
