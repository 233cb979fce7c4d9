import i18n from '../i18n/i18n';

/** One problem with one input, as the server reports it in a 400's details. */
export interface FieldIssue {
  field: string;
  issue: string;
  message: string;
}

function isFieldIssue(value: unknown): value is FieldIssue {
  const v = value as Partial<FieldIssue> | null;
  return typeof v?.field === 'string' && typeof v.message === 'string';
}

/** A failed API call, carrying the server's code and its already-translated message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get fieldIssues(): FieldIssue[] {
    return Array.isArray(this.details) ? this.details.filter(isFieldIssue) : [];
  }

  /** The message for one body field: `nameFr` matches `body.nameFr` and `body.nameFr.0`. */
  fieldError(name: string): string | undefined {
    const field = `body.${name}`;
    return this.fieldIssues.find((issue) => issue.field === field || issue.field.startsWith(`${field}.`))?.message;
  }

  get isVersionConflict(): boolean {
    return this.status === 409 && this.code === 'version_conflict';
  }

  /** On a version conflict, the record as it is now on the server. */
  current<T>(): T | undefined {
    const details = this.details as { current?: T } | null | undefined;
    return details?.current;
  }

  /** On a version conflict, the fields someone else changed since the version that was edited. */
  get changedFields(): string[] {
    const fields = (this.details as { changedFields?: unknown } | null | undefined)?.changedFields;
    return Array.isArray(fields) ? fields.filter((field): field is string => typeof field === 'string') : [];
  }
}

/** The field messages of a failed mutation, for `error={fieldError(mutation.error, 'nameFr')}`. */
export function fieldError(error: unknown, name: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(name) : undefined;
}

// The CSRF token lives in memory only: it comes with the session from login or /auth/me.
let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;
let onEnrollmentRequired: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can send the user back to sign-in. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/** Called when the server holds the user back until they set up two-factor authentication. */
export function setEnrollmentRequiredHandler(handler: (() => void) | null): void {
  onEnrollmentRequired = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function errorFrom(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (typeof error?.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, error.details);
  }
  // Not our server's shape (a proxy's error page, a gateway timeout): say so in the user's language.
  return new ApiError(status, 'unexpected_response', i18n.t('common:errors.unexpected'));
}

/** Calls the JSON API under /api/v1 with the session cookie, the CSRF header on writes and the UI language. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}${queryString(options.query)}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', i18n.t('common:errors.network'));
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = errorFrom(response.status, payload);
    if (error.status === 401 && error.code === 'unauthenticated') onUnauthenticated?.();
    if (error.status === 403 && error.code === 'two_factor_enrollment_required') onEnrollmentRequired?.();
    throw error;
  }
  return payload as T;
}

/** The shape of every paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Sends a multipart form (a file upload) to the API with the session cookie, the CSRF header and the UI language.
 * XMLHttpRequest rather than fetch, because only it reports upload progress (0 to 1).
 */
export function apiUpload<T>(
  path: string,
  form: FormData,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18n.language);
    if (csrfToken !== null) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        payload = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(payload as T);
        return;
      }
      const error = errorFrom(xhr.status, payload);
      if (error.status === 401 && error.code === 'unauthenticated') onUnauthenticated?.();
      reject(error);
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network_error', i18n.t('common:errors.network'))));
    xhr.addEventListener('abort', () => reject(new DOMException('Upload cancelled', 'AbortError')));
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

/** A file the API generated, with the name it gave it. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** The file name of a Content-Disposition: the UTF-8 `filename*` when given, else the plain one. */
function filenameOf(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed encoding: the plain name below still serves.
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * POSTs to the API for a file (an export: audited, hence never a GET) with the CSRF header, and returns it as a
 * blob; a failure is an ApiError with the server's translated message, as for JSON calls.
 */
export async function apiDownload(path: string, body?: unknown): Promise<DownloadedFile> {
  const headers: Record<string, string> = { 'accept-language': i18n.language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('common:errors.network'));
  }
  if (!response.ok) {
    const error = errorFrom(response.status, await response.json().catch(() => null));
    if (error.status === 401 && error.code === 'unauthenticated') onUnauthenticated?.();
    throw error;
  }
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition'), 'vigie') };
}
