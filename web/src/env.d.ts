/// <reference types="vite/client" />
import 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    titleZh?: string;
    titleEn?: string;
    group?: string;
    permission?: string;
  }
}
