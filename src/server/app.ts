import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { ZodError } from 'zod';
import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/database.ts';
import type { Clock } from '../platform/clock.ts';
import { AppError, isAppError } from '../platform/errors.ts';
import { userForToken } from '../auth/auth-store.ts';
import { registerAuthRoutes } from '../auth/auth-routes.ts';
import { registerIngestRoutes } from '../ingest/ingest-routes.ts';
import { registerDirectoryRoutes } from '../directory/directory-routes.ts';
import { registerOverviewRoutes } from '../overview/overview-routes.ts';
import { registerTagsRoutes } from '../tags/tags-routes.ts';
import { registerSegmentsRoutes } from '../segments/segments-routes.ts';
import { registerProfilesRoutes } from '../profiles/profiles-routes.ts';
import { registerActuarialRoutes } from '../actuarial/actuarial-routes.ts';
import { registerIndicatorRoutes } from '../indicators/indicators-routes.ts';
import { registerForecastRoutes } from '../forecast/forecast-routes.ts';
import { registerAlertRoutes } from '../alerts/alerts-routes.ts';
import { registerMacroRoutes } from '../macro/macro-routes.ts';

export interface ServerDeps {
  config: Config;
  db: Database;
  clock: Clock;
  /** Demo mode: the login page may show the demo users. */
  demo?: boolean;
}

/** The HTTP composition root: auth hook, error handler, every module's routes, and the built console. */
export async function buildApp(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 50 * 1024 * 1024 });
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) return;
    const user = await userForToken(deps.db, token, deps.clock);
    if (user) request.principal = { username: user.username, role: user.role, regions: user.regions, client: request.ip };
  });

  app.setErrorHandler((error, request, reply) => {
    const e = toAppError(error);
    if (e.httpStatus >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(e.httpStatus).send({ error: e.toJSON() });
  });

  app.get('/api/health', async () => ({ ok: true, demo: Boolean(deps.demo) }));
  registerAuthRoutes(app, deps);
  // Each capability adds its routes here, one line each.
  registerOverviewRoutes(app, deps);
  registerIngestRoutes(app, deps);
  registerDirectoryRoutes(app, deps);
  registerTagsRoutes(app, deps);
  registerSegmentsRoutes(app, deps);
  registerProfilesRoutes(app, deps);
  registerActuarialRoutes(app, deps);
  registerIndicatorRoutes(app, deps);
  registerForecastRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerMacroRoutes(app, deps);

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      void reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url}`, messageZh: `没有此接口 ${request.method} ${request.url}` } });
    } else if (existsSync(deps.config.webDistDir)) {
      void reply.sendFile('index.html');
    } else {
      void reply.status(404).send('Console not built: run `npm run build:web` / 控制台未构建');
    }
  });
  if (existsSync(deps.config.webDistDir)) {
    await app.register(fastifyStatic, { root: deps.config.webDistDir, prefix: '/', wildcard: false });
  }
  return app;
}

function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) {
    const detail = error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    return new AppError('INPUT_INVALID', { zh: `请求参数无效：${detail}`, en: `Invalid request: ${detail}` }, { details: error.issues });
  }
  const fastifyError = error as { statusCode?: number; message?: string };
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    return new AppError('INPUT_INVALID', { zh: `请求无效：${fastifyError.message}`, en: `Bad request: ${fastifyError.message}` });
  }
  return new AppError('INTERNAL', { zh: '服务器内部错误，请联系管理员', en: 'Internal server error; contact the administrator' }, { cause: error });
}
