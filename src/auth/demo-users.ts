import type { Role } from './roles.ts';

/** The demo city's users; real deployments create their own with `renshe users add`. */
export const demoUsers: { username: string; displayName: string; role: Role; password: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', password: 'admin123' },
  { username: 'analyst', displayName: '数据分析员', role: 'analyst', password: 'analyst123' },
  { username: 'auditor', displayName: '审计员', role: 'auditor', password: 'auditor123' },
  { username: 'caseworker', displayName: '经办人员', role: 'caseworker', password: 'caseworker123' },
  { username: 'operator', displayName: '服务运营员', role: 'operator', password: 'operator123' },
  { username: 'actuary', displayName: '精算人员', role: 'actuary', password: 'actuary123' },
];
