import { computed, reactive } from 'vue';

export interface SessionUser {
  username: string;
  displayName: string;
  role: string;
  regions: string[];
}

export interface LoginAnswer {
  token: string;
  expiresAt: string;
  user: SessionUser;
  permissions: string[];
}

interface SessionState {
  token: string | null;
  expiresAt: string | null;
  user: SessionUser | null;
  permissions: string[];
}

const STORAGE_KEY = 'renshe.session';

function restore(): SessionState {
  const empty: SessionState = { token: null, expiresAt: null, user: null, permissions: [] };
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as SessionState | null;
    if (!saved?.token) return empty;
    // An expired token would only earn a 401 on the first call; drop it up front.
    if (saved.expiresAt && saved.expiresAt !== 'never' && new Date(saved.expiresAt).getTime() < Date.now()) return empty;
    return { ...empty, ...saved };
  } catch {
    return empty;
  }
}

/** Who is logged in. The token lives in localStorage so a reload keeps the session. */
export const session = reactive<SessionState>(restore());

export const isLoggedIn = computed(() => Boolean(session.token));

export function startSession(answer: LoginAnswer): void {
  Object.assign(session, { token: answer.token, expiresAt: answer.expiresAt, user: answer.user, permissions: answer.permissions });
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function endSession(): void {
  Object.assign(session, { token: null, expiresAt: null, user: null, permissions: [] });
  localStorage.removeItem(STORAGE_KEY);
}

/** The console hides what the role may not do; the server enforces it regardless. */
export function can(permission: string): boolean {
  return session.permissions.includes(permission);
}

/** Role names as the server's roles.ts spells them. */
export const roleNames: Record<string, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'administrator' },
  analyst: { zh: '数据分析员', en: 'analyst' },
  auditor: { zh: '审计员', en: 'auditor' },
  operator: { zh: '服务运营员', en: 'service operator' },
  caseworker: { zh: '经办人员', en: 'caseworker' },
  actuary: { zh: '精算人员', en: 'actuary' },
  partner: { zh: '外部共享方', en: 'external partner' },
};
