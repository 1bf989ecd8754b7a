import { t } from './i18n.ts';
import { endSession, session } from './session.ts';
import { router } from './router.ts';

/** A failed call, carrying the server's bilingual message (`{error: {code, message, messageZh}}`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageEn: string,
    readonly messageZh: string,
  ) {
    super(messageEn);
    this.name = 'ApiError';
  }

  /** The message in the console's current language. */
  get text(): string {
    return t(this.messageZh, this.messageEn);
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** `/api/x` or `/x`, plus query parameters; empty values are left out so the server's defaults apply. */
export function apiUrl(path: string, query: Query = {}): string {
  const base = path.startsWith('/api/') ? path : `/api${path.startsWith('/') ? '' : '/'}${path}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${base}${base.includes('?') ? '&' : '?'}${qs}` : base;
}

async function request<T>(method: 'GET' | 'POST', path: string, query: Query | undefined, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cannot reach the server; check that it is running', '无法连接服务器，请确认服务已启动');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  const error = (payload as { error?: { code?: string; message?: string; messageZh?: string } } | null)?.error;
  const failure = new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? `Request failed (HTTP ${response.status})`,
    error?.messageZh ?? `请求失败（HTTP ${response.status}）`,
  );
  // A 401 outside the login form means the session is gone: back to the login page, then return here.
  if (response.status === 401 && !path.endsWith('/auth/login')) {
    endSession();
    const here = router.currentRoute.value;
    if (here.path !== '/login') void router.push({ path: '/login', query: { redirect: here.fullPath } });
  }
  throw failure;
}

export const api = {
  get<T>(path: string, query?: Query): Promise<T> {
    return request<T>('GET', path, query);
  },
  post<T>(path: string, body: unknown = {}, query?: Query): Promise<T> {
    return request<T>('POST', path, query, body);
  },
};

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const text = e instanceof Error ? e.message : String(e);
  return new ApiError(0, 'CLIENT', text, `页面出错：${text}`);
}
