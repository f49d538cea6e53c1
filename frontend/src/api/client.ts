// The one HTTP client of the UI: same-origin cookies, JSON or multipart bodies, the CSRF
// header on every write, and RFC 9457 problem JSON turned into ApiError.

/** One invalid field of a 400 problem. */
export interface FieldError {
  field: string;
  message: string;
}

/** A failed API call, parsed from problem JSON when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly retryAfter: number | null;

  constructor(init: {
    status: number;
    title: string;
    detail?: string;
    errors?: FieldError[];
    retryAfter?: number | null;
  }) {
    super(init.detail || init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail ?? '';
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the CSRF token handed out by POST /session or GET /me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what to do when any call answers 401 (the router sends the user to /login). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A JSON value, or FormData for a multipart upload (the browser sets its boundary). */
  body?: unknown;
  signal?: AbortSignal;
  /** Do not redirect to /login on 401 (the login call and the session probe). */
  quiet401?: boolean;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toApiError(res: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
  let body: unknown;
  try {
    const text = await res.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (body && typeof body === 'object') {
    const p = body as Record<string, unknown>;
    const errors = Array.isArray(p.errors)
      ? p.errors
          .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
          .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
      : [];
    return new ApiError({
      status: res.status,
      title: typeof p.title === 'string' ? p.title : res.statusText,
      detail: typeof p.detail === 'string' ? p.detail : '',
      errors,
      retryAfter,
    });
  }
  return new ApiError({ status: res.status, title: res.statusText || `HTTP ${res.status}`, retryAfter });
}

/** Calls the API and returns the parsed JSON body (undefined for 204). */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const multipart = opts.body instanceof FormData;
  if (opts.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (WRITE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : multipart ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0, title: 'Network error', detail: '' });
  }

  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && !opts.quiet401) {
      csrfToken = null;
      onUnauthorized?.();
    }
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Maps problem field names ("inputs.win_rate", "win_rate") to form field names. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!isApiError(err) || err.status !== 400) return {};
  const out: Record<string, string> = {};
  for (const e of err.errors) {
    const name = e.field.replace(/^inputs\./, '').replace(/^body\./, '');
    if (name && !out[name]) out[name] = e.message;
  }
  return out;
}
