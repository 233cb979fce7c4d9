import type { Visibility } from '../../../shared/roles.js';
import { visibilities } from '../../../shared/roles.js';
import { AppError } from '../../http/errors.js';

export { type FieldIssue, invalidField, invalidFields, unknownReference } from '../plan/plan-errors.js';

/** 409: the workflow does not lead from the record's status to the one asked for. */
export const transitionNotAllowed = (from: string, to: string) =>
  new AppError(409, 'transition_not_allowed', { from, to }, { from, to });

/** How widely a visibility shares a record: institution < group < partners < public. */
export function visibilityRank(visibility: string): number {
  return visibilities.indexOf(visibility as Visibility);
}
