import type { Component } from 'vue';

/** Nav groups, in the order the left navigation shows them. */
export const navGroups = [
  { key: 'overview', zh: '总览', en: 'Overview' },
  { key: 'quality', zh: '数据质量', en: 'Data quality' },
  { key: 'persons', zh: '人员', en: 'Persons' },
  { key: 'employers', zh: '单位', en: 'Employers' },
  { key: 'profiles', zh: '画像与标签', en: 'Profiles and tags' },
  { key: 'forecast', zh: '监测预测', en: 'Monitoring and forecasts' },
  { key: 'actuarial', zh: '精算分析', en: 'Actuarial analysis' },
  { key: 'admin', zh: '系统管理', en: 'Administration' },
] as const;

export type NavGroup = (typeof navGroups)[number]['key'];

export interface ConsoleRoute {
  path: string;
  /** Lazily imported, so each page (and ECharts) loads only when first visited. */
  component: () => Promise<Component | { default: Component }>;
  titleZh: string;
  titleEn: string;
  group: NavGroup;
  /** Detail pages (paths with parameters) are reached from other pages, not from the nav. */
  nav?: boolean;
  /** Shown only to roles with this permission; the server checks it on every call anyway. */
  permission?: string;
}

/** Every console page, one line each. The nav and the router are generated from this list. */
export const routes: ConsoleRoute[] = [
  { path: '/overview', component: () => import('./pages/OverviewPage.vue'), titleZh: '总览', titleEn: 'Overview', group: 'overview' },
  { path: '/data-quality', component: () => import('./pages/DataQualityPage.vue'), titleZh: '数据质量', titleEn: 'Data quality', group: 'quality' },
  { path: '/persons', component: () => import('./pages/PersonSearchPage.vue'), titleZh: '人员查询', titleEn: 'Person search', group: 'persons', permission: 'person:read' },
  { path: '/persons/:id', component: () => import('./pages/PersonDetailPage.vue'), titleZh: '人员详情', titleEn: 'Person detail', group: 'persons', nav: false, permission: 'person:read' },
  { path: '/employers', component: () => import('./pages/EmployerSearchPage.vue'), titleZh: '单位查询', titleEn: 'Employer search', group: 'employers' },
  { path: '/employers/:code', component: () => import('./pages/EmployerDetailPage.vue'), titleZh: '单位详情', titleEn: 'Employer detail', group: 'employers', nav: false },
  { path: '/audit', component: () => import('./pages/AuditPage.vue'), titleZh: '审计日志', titleEn: 'Audit log', group: 'admin', permission: 'audit:read' },
  { path: '/tags', component: () => import('./pages/TagsPage.vue'), titleZh: '数据标签', titleEn: 'Tags', group: 'profiles' },
  { path: '/segments', component: () => import('./pages/SegmentBuilderPage.vue'), titleZh: '人群分群', titleEn: 'Segment builder', group: 'profiles' },
  { path: '/persons/:id/profile', component: () => import('./pages/PersonProfilePage.vue'), titleZh: '人员画像', titleEn: 'Person profile', group: 'persons', nav: false, permission: 'person:read' },
  { path: '/employers/:code/profile', component: () => import('./pages/EmployerProfilePage.vue'), titleZh: '单位画像', titleEn: 'Employer profile', group: 'employers', nav: false },
  { path: '/indicators', component: () => import('./pages/IndicatorsPage.vue'), titleZh: '指标与预测', titleEn: 'Indicators and forecasts', group: 'forecast' },
  { path: '/alerts', component: () => import('./pages/AlertsPage.vue'), titleZh: '预警看板', titleEn: 'Alert board', group: 'forecast' },
  { path: '/actuarial/retirement', component: () => import('./pages/RetirementPage.vue'), titleZh: '退休与养老金测算', titleEn: 'Retirement and pension', group: 'actuarial' },
  { path: '/actuarial', component: () => import('./pages/ActuarialPage.vue'), titleZh: '基金精算情景', titleEn: 'Fund projections', group: 'actuarial' },
];
