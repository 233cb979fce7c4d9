/** Error codes the API returns; each has a translated message in the `errors` catalog. */
export const errorCodes = [
  'validation_failed',
  'invalid_json',
  'unauthenticated',
  'invalid_credentials',
  'account_disabled',
  'csrf_failed',
  'forbidden',
  'not_found',
  'route_not_found',
  'version_conflict',
  'conflict',
  'too_many_attempts',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_token',
  'period_closed',
  'two_factor_enrollment_required',
  'two_factor_already_enabled',
  'two_factor_not_enabled',
  'invalid_two_factor_code',
  'login_challenge_invalid',
  'email_disabled',
  'invalid_status_transition',
  'transition_not_allowed',
  'visits_wider_than_facility',
  'checklist_already_started',
  'export_too_large',
  'import_rows_invalid',
  'import_file_changed',
  'import_too_many_rows',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `body.email`. */
  field?: string;
  /** Machine-readable reason, e.g. `unrecognized_key`, `too_small`. */
  issue: string;
  message: string;
}

/**
 * What a code's message selects on when the error does not say: the general case (a request too large, a body
 * that is not JSON), as opposed to an upload's file. ICU refuses to format a select without its value.
 */
const defaultParams: Partial<Record<ErrorCode, Record<string, string>>> = {
  payload_too_large: { kind: 'request' },
  unsupported_media_type: { kind: 'json' },
};

/** An error meant for the client: status, code, translation parameters and details. */
export class AppError extends Error {
  readonly params: Record<string, string | number>;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    params: Record<string, string | number> = {},
    readonly details: unknown = undefined,
  ) {
    super(code);
    this.params = { ...defaultParams[code], ...params };
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
