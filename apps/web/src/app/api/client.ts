import type { Locale } from '@yingshang/contracts';

export const API_BASE = '/api/v1';

export interface FieldError {
  path: string;
  message: string;
}

/** An error answered by the API ({ error: { code, message, details } }) or a network failure (code NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Validation details as a list of { path, message }. */
  get fieldErrors(): FieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldError =>
        typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string',
    );
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

type Query = Record<string, string | number | boolean | null | undefined>;

let csrfToken: string | null = null;
let locale: Locale = 'zh-CN';
let networkMessage = 'Network error';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLocale(next: Locale, networkErrorText?: string): void {
  locale = next;
  if (networkErrorText) networkMessage = networkErrorText;
}

/**
 * 'unauthenticated': a request was refused because the session is gone (the shell returns to login).
 * 'mutated': a non-GET request succeeded (the bell refreshes its count).
 */
export const apiEvents = new EventTarget();

export function toQueryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Sends a request; JSON bodies are serialised, FormData goes as multipart (the browser sets the boundary). */
async function send(
  method: string,
  path: string,
  body: unknown,
  query: Query | undefined,
  accept: string,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': locale };
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(`${API_BASE}${path}${toQueryString(query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', networkMessage);
  }
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function failure(res: Response, path: string, data: unknown): ApiError {
  const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  const apiError = new ApiError(
    res.status,
    err?.code ?? `HTTP_${res.status}`,
    err?.message ?? `${res.status} ${res.statusText}`,
    err?.details,
  );
  if (res.status === 401 && !path.startsWith('/auth/login') && !path.startsWith('/auth/change-password')) {
    apiEvents.dispatchEvent(new CustomEvent('unauthenticated', { detail: apiError }));
  }
  return apiError;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const res = await send(method, path, body, query, 'application/json');
  const data = parseJson(await res.text());
  if (!res.ok) throw failure(res, path, data);
  if (method !== 'GET' && !path.startsWith('/auth/')) {
    apiEvents.dispatchEvent(new CustomEvent('mutated', { detail: { method, path } }));
  }
  return data as T;
}

/** The file name of a Content-Disposition header (RFC 5987 filename* first), if any. */
export function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1].trim() : null;
}

/** GET of a file (an Excel export): the body as a Blob and the server's file name. */
async function download(path: string, query?: Query): Promise<{ blob: Blob; filename: string | null }> {
  const res = await send('GET', path, undefined, query, '*/*');
  if (!res.ok) throw failure(res, path, parseJson(await res.text()));
  return { blob: await res.blob(), filename: dispositionFilename(res.headers.get('Content-Disposition')) };
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, body ?? {}, query),
  /** Multipart upload (fields of the FormData, e.g. `file`). */
  upload: <T>(path: string, form: FormData, query?: Query) => request<T>('POST', path, form, query),
  download,
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};
