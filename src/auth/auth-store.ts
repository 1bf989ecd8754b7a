import type { Database } from '../platform/database.ts';
import type { Clock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { hashPassword, hashToken, newToken, verifyPassword } from './password.ts';
import { isRole, type Role } from './roles.ts';

export interface UserRecord {
  username: string;
  displayName: string;
  role: Role;
  regions: string[];
}

export interface NewUser {
  username: string;
  displayName?: string;
  role: Role;
  password?: string;
  regions?: string[];
}

const TOKEN_HOURS = 12;

export async function upsertUser(db: Database, user: NewUser, clock: Clock): Promise<void> {
  await db.run(
    `INSERT OR REPLACE INTO app_user (username, display_name, role, password_hash, regions, created_at)
     VALUES ($username, $display, $role, $hash, string_split($regions, ','), $at::TIMESTAMP)`,
    {
      username: user.username,
      display: user.displayName ?? user.username,
      role: user.role,
      hash: user.password ? hashPassword(user.password) : null,
      regions: (user.regions ?? []).join(','),
      at: clock.now().toISOString(),
    },
  );
}

export async function listUsers(db: Database): Promise<UserRecord[]> {
  const rows = await db.query<{ username: string; display_name: string; role: string; regions: string[] | null }>(
    `SELECT username, display_name, role, regions FROM app_user ORDER BY username`,
  );
  return rows.map(toUser);
}

function toUser(r: { username: string; display_name: string; role: string; regions: string[] | null }): UserRecord {
  if (!isRole(r.role)) throw new AppError('INTERNAL', { zh: `未知角色 ${r.role}`, en: `Unknown role ${r.role}` });
  return { username: r.username, displayName: r.display_name, role: r.role, regions: (r.regions ?? []).filter(Boolean) };
}

/** Checks a password and issues a token; the same answer for an unknown user and a wrong password. */
export async function login(db: Database, username: string, password: string, clock: Clock): Promise<{ token: string; user: UserRecord; expiresAt: string }> {
  const rows = await db.query<{ username: string; display_name: string; role: string; regions: string[] | null; password_hash: string | null }>(
    `SELECT username, display_name, role, regions, password_hash FROM app_user WHERE username = $u`,
    { u: username },
  );
  const row = rows[0];
  if (!row || !row.password_hash || !verifyPassword(password, row.password_hash)) {
    throw new AppError('UNAUTHENTICATED', { zh: '用户名或密码错误', en: 'Wrong username or password' });
  }
  const issued = await issueToken(db, row.username, 'login', clock, TOKEN_HOURS);
  return { ...issued, user: toUser(row) };
}

export async function issueToken(db: Database, username: string, label: string, clock: Clock, hours: number | null): Promise<{ token: string; expiresAt: string }> {
  const token = newToken();
  const now = clock.now();
  const expires = hours === null ? null : new Date(now.getTime() + hours * 3600_000).toISOString();
  await db.run(
    `INSERT INTO api_token (token_hash, username, label, created_at, expires_at, revoked)
     VALUES ($h, $u, $label, $now::TIMESTAMP, $exp::TIMESTAMP, false)`,
    { h: hashToken(token), u: username, label, now: now.toISOString(), exp: expires },
  );
  return { token, expiresAt: expires ?? 'never' };
}

export async function userForToken(db: Database, token: string, clock: Clock): Promise<UserRecord | null> {
  const rows = await db.query<{ username: string; display_name: string; role: string; regions: string[] | null }>(
    `SELECT u.username, u.display_name, u.role, u.regions FROM api_token t JOIN app_user u USING (username)
     WHERE t.token_hash = $h AND NOT t.revoked AND (t.expires_at IS NULL OR t.expires_at > $now::TIMESTAMP)`,
    { h: hashToken(token), now: clock.now().toISOString() },
  );
  return rows[0] ? toUser(rows[0]) : null;
}

export async function revokeToken(db: Database, token: string): Promise<void> {
  await db.run(`UPDATE api_token SET revoked = true WHERE token_hash = $h`, { h: hashToken(token) });
}

export async function seedDemoUsers(db: Database, clock: Clock): Promise<void> {
  const { demoUsers } = await import('./demo-users.ts');
  for (const u of demoUsers) await upsertUser(db, u, clock);
}
