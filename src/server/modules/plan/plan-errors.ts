import { AppError } from '../../http/errors.js';

export interface FieldIssue {
  field: string;
  issue: string;
  params?: Record<string, string | number>;
}

/** A 400 naming the offending fields, like the schema's own: `{ field, issue }`, messages translated later. */
export function invalidFields(issues: FieldIssue[]): AppError {
  const first = issues[0]?.field ?? 'body';
  return new AppError(
    400,
    'validation_failed',
    { field: first },
    issues.map(({ field, issue, params }) => ({ field, issue, message: '', ...(params ? { params } : {}) })),
  );
}

export function invalidField(field: string, issue: string, params?: Record<string, string | number>): AppError {
  return invalidFields([{ field, issue, ...(params ? { params } : {}) }]);
}

export const unknownReference = (field: string) => invalidField(field, 'unknown_reference');

/** 423: the reporting period is closed, so its reports stay as they are until an administrator reopens it. */
export const periodClosed = () => new AppError(423, 'period_closed');

/** 409: the step is not possible from the record's current state (e.g. validating a draft). */
export const stateConflict = (status: string) => new AppError(409, 'conflict', { reason: 'state' }, { status });
