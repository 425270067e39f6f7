import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { ROOT, fixturePath } from '../helpers/fixtures';
import { declaresCharset, isUtf8 } from '../../scripts/lib/page-bytes';

const OUT_DIR = path.resolve(ROOT, process.env.FICSHELF_OUT_DIR ?? '.output');
export const CHROME_EXTENSION = path.join(OUT_DIR, 'chrome-mv3');
export const FIREFOX_EXTENSION = path.join(OUT_DIR, 'firefox-mv2');
export const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));

/** A page the routed "internet" serves: a fixture (by golden-style name) or literal HTML. */
export type Route = { fixture: string } | { html: string; status?: number };

/** Real story-site URLs → fixtures. Everything else answers 404, so no test touches the network. */
export class RoutedWeb {
  private routes = new Map<string, Route>();
  set(url: string, route: Route): this {
    this.routes.set(normalise(url), route);
    return this;
  }
  respond(url: string): { status: number; contentType: string; body: Buffer | string } {
    const route = this.routes.get(normalise(url));
    if (!route) return { status: 404, contentType: 'text/plain', body: 'not routed in this test' };
    if ('fixture' in route) {
      // Like the real site's header: UTF-8 unless the saved page says otherwise.
      const body = readFileSync(fixturePath(route.fixture));
      const utf8 = !declaresCharset(body) && isUtf8(body);
      return { status: 200, contentType: utf8 ? 'text/html; charset=utf-8' : 'text/html', body };
    }
    return { status: route.status ?? 200, contentType: 'text/html; charset=utf-8', body: route.html };
  }
}

function normalise(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  web: RoutedWeb;
  close(): Promise<void>;
}

export function requireBuilt(dir: string): void {
  if (!existsSync(path.join(dir, 'manifest.json')))
    throw new Error(`No built extension in ${dir}: run \`npm run build\` (and \`npm run build:firefox\`) first.`);
}

/** `extension`: another built copy to load (a test that needs a changed manifest); the build under test by default. */
export async function launchChromium(web = new RoutedWeb(), options: { headless?: boolean; extension?: string } = {}): Promise<ChromiumSession> {
  if (!CHROMIUM) throw new Error('Chromium is not installed: run `apt-get install -y chromium` (as root).');
  const extension = options.extension ?? CHROME_EXTENSION;
  requireBuilt(extension);
  const profile = mkdtempSync(path.join(tmpdir(), 'ficshelf-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1100, height: 800 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  await context.route(/^https?:\/\//, (route) => route.fulfill(web.respond(route.request().url())));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    web,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a routed URL and waits until the content script has marked the page (or a timeout for pages it must leave alone). */
export async function openStoryPage(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.ficshelf !== undefined, null, { timeout: 20_000 });
  return page;
}

/** The id of the active tab (the page just opened), asked of the background. */
export async function activeTabId(session: ChromiumSession): Promise<number> {
  return session.worker.evaluate(async () => {
    const [tab] = await (globalThis as any).chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

/** Opens the popup as a page, pointed at a tab (popup.html?tab=<id>). */
export async function openPopupFor(session: ChromiumSession, tabId: number, extra = ''): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 360, height: 480 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}${extra}`);
  await popup.waitForSelector('main.popup:not([data-state="loading"]):not([data-state="waiting"])', { timeout: 15_000 });
  return popup;
}
