import type { FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.ts';
import { roleCan, type Permission, type Role } from './roles.ts';

/** Who is calling; attached to each request by the server's auth hook. */
export interface Principal {
  username: string;
  role: Role;
  /** Regions this user may see personal data in; empty means all. */
  regions: string[];
  client: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function requirePermission(request: FastifyRequest, permission: Permission): Principal {
  const p = request.principal;
  if (!p) {
    throw new AppError('UNAUTHENTICATED', {
      zh: '请先登录，或在 Authorization 头中提供 Bearer 令牌',
      en: 'Log in first, or send a Bearer token in the Authorization header',
    });
  }
  if (!roleCan(p.role, permission)) {
    throw new AppError('FORBIDDEN', {
      zh: `当前角色无权执行此操作（需要权限 ${permission}）`,
      en: `Your role may not do this (needs permission ${permission})`,
    });
  }
  return p;
}

/** Unmasked personal data only when the role allows it AND the caller asked for it explicitly. */
export function wantsUnmasked(principal: Principal, requested: boolean): boolean {
  return requested && roleCan(principal.role, 'person:unmask');
}
