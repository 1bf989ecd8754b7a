import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { routes } from './routes.ts';
import { isLoggedIn, can } from './session.ts';

const records: RouteRecordRaw[] = [
  { path: '/', redirect: '/overview' },
  { path: '/login', component: () => import('./pages/LoginPage.vue'), meta: { public: true, titleZh: '登录', titleEn: 'Log in' } },
  ...routes.map((r): RouteRecordRaw => ({
    path: r.path,
    component: r.component,
    meta: { titleZh: r.titleZh, titleEn: r.titleEn, group: r.group, permission: r.permission },
  })),
  { path: '/:rest(.*)*', component: () => import('./pages/NotFoundPage.vue'), meta: { titleZh: '页面不存在', titleEn: 'Not found' } },
];

/** History mode: the server answers index.html for every non-/api path. */
export const router = createRouter({
  history: createWebHistory(),
  routes: records,
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach((to) => {
  if (to.meta.public) return true;
  if (!isLoggedIn.value) return { path: '/login', query: { redirect: to.fullPath } };
  const permission = to.meta.permission as string | undefined;
  if (permission && !can(permission)) return { path: '/overview' };
  return true;
});
