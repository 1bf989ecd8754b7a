import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, logIn, openConsole, type ConsolePage } from '../e2e/browser.ts';
import { startConsoleServer, type ConsoleServer } from '../e2e/console-fixture.ts';
import { demoUsers } from '../../src/auth/demo-users.ts';

export interface BrowserApp {
  /** The real server on its seeded temp DuckDB (its `db` and ingest `files` too); ready once beforeAll ran. */
  readonly server: ConsoleServer;
  /** A fresh browser context on the console; logged in as that demo user when one is named. */
  open(username?: string): Promise<ConsolePage>;
}

/**
 * The browser tests' fixture, for one describe block: beforeAll starts the server, runs `seed` against it and
 * launches Chromium; afterAll closes both.
 */
export function useBrowserApp(options: { seed?: (server: ConsoleServer) => Promise<unknown>; timeout?: number } = {}): BrowserApp {
  let server: ConsoleServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startConsoleServer();
    await options.seed?.(server);
    browser = await launchBrowser();
  }, options.timeout);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  function started(): { server: ConsoleServer; browser: Browser } {
    if (!server || !browser) throw new Error('the browser app is used before its beforeAll ran');
    return { server, browser };
  }

  return {
    get server() {
      return started().server;
    },
    async open(username) {
      const { server: s, browser: b } = started();
      const consolePage = await openConsole(b, s.url);
      if (username !== undefined) {
        const user = demoUsers.find((u) => u.username === username);
        if (!user) throw new Error(`${username} is not a demo user`);
        await logIn(consolePage.page, user.username, user.password);
      }
      return consolePage;
    },
  };
}
