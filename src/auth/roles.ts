/**
 * Roles and what they may do. Masking follows from `person:unmask`: only roles whose work needs a citizen's
 * full identity (serving that citizen at a counter, administering the system) may see it, and only on request.
 * `alert:ack` (acknowledging an early-warning alert, i.e. saying the bureau is acting on it) goes to the staff
 * who watch the board and act: administrators, analysts (who read the indicators and escalate) and service
 * operators (whose outreach campaigns are the usual response to an unemployment surge). Not to auditors, who
 * review acknowledgements and must stay independent of them, not to caseworkers (counter work, no role in
 * district-level warnings), not to actuaries (fund alerts are theirs to read, but acknowledging every kind of
 * alert is not), and never to external partners.
 */
export const permissions = [
  'stats:read',
  'person:read',
  'person:unmask',
  'audit:read',
  'data:write',
  'policy:write',
  'campaign:run',
  'alert:ack',
] as const;

export type Permission = (typeof permissions)[number];

export const roles = {
  admin: { zh: '系统管理员', en: 'administrator', can: ['stats:read', 'person:read', 'person:unmask', 'audit:read', 'data:write', 'policy:write', 'campaign:run', 'alert:ack'] },
  analyst: { zh: '数据分析员', en: 'analyst', can: ['stats:read', 'person:read', 'alert:ack'] },
  auditor: { zh: '审计员', en: 'auditor', can: ['stats:read', 'person:read', 'audit:read'] },
  operator: { zh: '服务运营员', en: 'service operator', can: ['stats:read', 'person:read', 'campaign:run', 'alert:ack'] },
  caseworker: { zh: '经办人员', en: 'caseworker', can: ['stats:read', 'person:read', 'person:unmask'] },
  actuary: { zh: '精算人员', en: 'actuary', can: ['stats:read', 'policy:write'] },
  partner: { zh: '外部共享方', en: 'external partner', can: ['stats:read'] },
} as const satisfies Record<string, { zh: string; en: string; can: readonly Permission[] }>;

export type Role = keyof typeof roles;

export function isRole(value: string): value is Role {
  return Object.hasOwn(roles, value);
}

export function roleCan(role: Role, permission: Permission): boolean {
  return (roles[role].can as readonly Permission[]).includes(permission);
}
