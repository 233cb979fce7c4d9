import { z } from 'zod';
import { AppError } from './errors.js';

/** Every edit names the version it was made from; a stale one is refused instead of silently overwriting. */
export const versionField = { version: z.number().int().min(1) };

export function versionConflict(current: unknown, changedSince: string[]): AppError {
  return new AppError(409, 'version_conflict', {}, { current, changedFields: changedSince });
}

export function nowIso(): string {
  return new Date().toISOString();
}
