/**
 * Issue 7, hostile content, in Chromium with the built extension: the XSS
 * corpus in every field of a routed AO3, FFN, eFiction and LiveJournal page,
 * through the content script (popup), reader mode, save, library.html,
 * read.html and the HTML export opened as a file.
 *
 * The trap: every vector calls `__ficshelfPwned(name)` (a binding Playwright
 * exposes in every page, extension pages included) or asks
 * https://trap.invalid/… (every request is watched). The hostile site page is
 * served with a CSP that forbids its own scripts, loads and forms, so the
 * page's own copy of a vector cannot run: anything that runs or loads came
 * through FicShelf. Blocked attempts (CSP violations) are recorded too: on an
 * extension page, one means markup got through the sanitiser even though the
 * policy stopped it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_EXTENSION, launchChromium, openPopupFor, openStoryPage, RoutedWeb, type ChromiumSession } from './harness';
import { TRAP_HOST, VECTORS, type XssVector } from '../security/vectors';
import { hostileFamilies, hostilePage, type Field, type HostileFamily } from '../security/hostile-pages';
import { recordXssFigures } from '../security/figures';

/** The site page's own policy: none of its own markup may run or load from elsewhere. */
const SITE_CSP = "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' chrome-extension:; connect-src 'self'";

interface Execution { name: string; url: string }
interface Violation { directive: string; blocked: string; sample: string; url: string; inFicShelf: boolean }

const executions: Execution[] = [];
const violations: Violation[] = [];
const outsideRequests: string[] = [];
const stagesChecked: string[] = [];
const renderedHazards: string[] = [];
const pageOwnLoads: string[] = [];

/** Vectors that swallow the rest of a page go to the unit test alone; the browser page carries the rest. */
function pageVectors(): XssVector[] {
  return VECTORS.filter((v) => !['script-unclosed-at-end', 'math-mtext-table-mglyph', 'mxss-math-style-namespace', 'mxss-form-nesting'].includes(v.name));
}

const families = hostileFamilies();
const vectors = pageVectors();
/**
 * A header-block page is a story only while its "Title: … Author: …" lines read as a header; hostile
 * markup on those lines ends that in Chromium (the page is then 'none': nothing read, nothing shown).
 * The unit test places every vector on those lines, a batch at a time; here the header lines carry the
 * encoded and case-mixed vectors, and the story text carries the whole corpus.
 */
function vectorsFor(family: HostileFamily, field: Field): XssVector[] {
  if (family.site !== 'header-block' || field === 'chapter') return vectors;
  return vectors.filter((v) => v.family === 'encoded');
}
function payloadFor(family: HostileFamily, field: Field): string {
  const separator = family.site === 'header-block' && field !== 'chapter' ? ' ' : '\n';
  return `${vectorsFor(family, field).map((v) => v.html).join(separator)} fsreach${field} `;
}
const pages = new Map<HostileFamily, string>(families.map((f) => [f, hostilePage(f, (field) => payloadFor(f, field))]));

/** Hosts the routed web serves; anything else is "outside". */
const SITE_HOSTS = new Set(families.map((f) => new URL(f.url).host));

let session: ChromiumSession;
let downloads: string;

beforeAll(async () => {
  session = await launchChromium(new RoutedWeb().set('https://www.fanfiction.net/s/5853866/2/', { fixture: 'ffn/chapter-counting-ch2-modern.html' }));
  downloads = mkdtempSync(path.join(tmpdir(), 'ficshelf-xss-'));
  const { context } = session;
  await context.exposeBinding('__ficshelfPwned', (source, name: unknown) => {
    executions.push({ name: String(name), url: source.page?.url() ?? source.frame?.url() ?? '?' });
  });
  await context.exposeBinding('__ficshelfViolation', (source, v: Omit<Violation, 'url'>) => {
    violations.push({ ...v, url: source.page?.url() ?? '?' });
  });
  // Every page, extension pages included: record what a policy blocked, and whether it sat in FicShelf's UI.
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const target = event.composedPath()[0] as Node | undefined;
        const root = target && typeof (target as Node).getRootNode === 'function' ? (target as Node).getRootNode() : null;
        const inFicShelf =
          location.protocol === 'chrome-extension:' ||
          (root !== null && root !== document && root instanceof ShadowRoot) ||
          !!(target as Element | undefined)?.closest?.('[data-ficshelf]');
        (window as any).__ficshelfViolation({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          sample: event.sample,
          inFicShelf,
        });
      },
      true,
    );
  });
  for (const family of families) {
    const page = new URL(family.url);
    // The page and every view of it (AO3's full-work view): the hostile copy, under the site's own strict policy.
    await context.route(
      (url) => url.host === page.host && url.pathname === page.pathname && (family.site !== 'efiction' || url.searchParams.get('sid') === '1187'),
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': SITE_CSP }, body: pages.get(family)! }),
    );
  }
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    if (url.host === TRAP_HOST || url.host.endsWith(`.${TRAP_HOST}`) || !SITE_HOSTS.has(url.host)) {
      let from = 'service worker';
      try {
        from = request.frame().url();
      } catch {
        // requests from a worker have no frame
      }
      outsideRequests.push(`${request.url()} (${request.resourceType()} from ${from})`);
    }
  });
});

afterAll(async () => {
  recordXssFigures('e2e', {
    browser: 'chromium',
    vectors: vectors.length,
    siteFamilies: families.map((f) => f.site),
    placements: families.reduce((n, f) => n + f.fields.reduce((m, field) => m + vectorsFor(f, field).length, 0), 0),
    stages: stagesChecked,
    executions: executions.length,
    outsideLoads: outsideRequests.length,
    sitePagesOwnPreloads: pageOwnLoads.length,
    blockedAttemptsInFicShelf: violations.filter((v) => v.inFicShelf && /script|object|frame|form|base/.test(v.directive)).length,
    renderedHazards: renderedHazards.length,
  });
  await session?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

/**
 * Active markup in a rendered document, open shadow roots included. Runs in the page, through the
 * DOM's own prototypes: the hostile page clobbers document.querySelector, form.attributes and more.
 */
async function hazardsIn(page: Page, selector = 'html'): Promise<string[]> {
  return page.evaluate((sel) => {
    const get = (proto: object, key: string) => Object.getOwnPropertyDescriptor(proto, key)!.get!;
    const attributesOf = get(Element.prototype, 'attributes');
    const shadowOf = get(Element.prototype, 'shadowRoot');
    const nameOf = get(Element.prototype, 'localName');
    const all = (root: ParentNode): Element[] => {
      const proto = root instanceof Document ? Document.prototype : root instanceof DocumentFragment ? DocumentFragment.prototype : Element.prototype;
      return Array.from((proto as any).querySelectorAll.call(root, '*') as NodeListOf<Element>);
    };
    const out: string[] = [];
    const BAD_TAGS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'form', 'base', 'meta', 'link', 'svg', 'math', 'template', 'portal', 'applet']);
    const visit = (root: ParentNode) => {
      for (const el of all(root)) {
        const tag = nameOf.call(el) as string;
        const shadow = shadowOf.call(el) as ShadowRoot | null;
        if (shadow) visit(shadow);
        // The extension page's own head (its module script, its styles) is not story content.
        if (Element.prototype.closest.call(el, 'head')) continue;
        // FicShelf's own stylesheets in its UI come from the extension.
        const ownStylesheet = tag === 'link' && /^chrome-extension:/.test(Element.prototype.getAttribute.call(el, 'href') ?? '');
        if (BAD_TAGS.has(tag) && !ownStylesheet) out.push(`<${tag}>`);
        for (const attr of Array.from(attributesOf.call(el) as NamedNodeMap)) {
          if (attr.name.startsWith('on')) out.push(`<${tag} ${attr.name}>`);
          if (/^\s*(javascript|vbscript|data):/i.test(attr.value) && !(tag === 'img' && attr.name === 'src' && /^data:image\/(png|gif|jpeg|webp)/.test(attr.value)))
            out.push(`<${tag} ${attr.name}="${attr.value.slice(0, 30)}">`);
          if (attr.name === 'style' && /url\(|expression|image-set/i.test(attr.value)) out.push(`<${tag} style=url()>`);
        }
      }
    };
    const start = (Document.prototype.querySelector.call(document, sel) as Element | null) ?? null;
    if (start) {
      const shadow = shadowOf.call(start) as ShadowRoot | null;
      if (shadow) visit(shadow);
      visit(start);
    }
    return out;
  }, selector);
}

/** Hover, enter, copy and focus events over every element, as a reader moving through the text would. */
async function stirEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const shadowOf = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot')!.get!;
    const elements: Element[] = [];
    const walk = (root: ParentNode) => {
      const proto = root instanceof Document ? Document.prototype : root instanceof DocumentFragment ? DocumentFragment.prototype : Element.prototype;
      for (const el of Array.from((proto as any).querySelectorAll.call(root, '*') as NodeListOf<Element>)) {
        elements.push(el);
        const shadow = shadowOf.call(el) as ShadowRoot | null;
        if (shadow) walk(shadow);
      }
    };
    walk(document);
    for (const el of elements) {
      for (const type of ['mouseover', 'pointerenter', 'copy', 'focus', 'toggle']) {
        EventTarget.prototype.dispatchEvent.call(el, new Event(type, { bubbles: true, composed: true }));
      }
    }
  });
  await page.waitForTimeout(300);
}

async function tabIdOf(page: Page): Promise<number> {
  return session.worker.evaluate(async (href) => {
    const tabs = await (globalThis as any).chrome.tabs.query({});
    return tabs.find((t: { url?: string }) => t.url === href)!.id as number;
  }, page.url());
}

function expectClean(stage: string, hazards: string[]): void {
  stagesChecked.push(stage);
  renderedHazards.push(...hazards.map((h) => `${stage}: ${h}`));
  expect(hazards, stage).toEqual([]);
  expect(executions, `${stage}: executions`).toEqual([]);
  expect(outsideRequests, `${stage}: outside requests`).toEqual([]);
}

describe('extension pages carry a strict policy', () => {
  it('the built manifest keeps MV3\'s default CSP or a stricter one: no inline script, no remote code', () => {
    const manifest = JSON.parse(readFileSync(path.join(CHROME_EXTENSION, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    const csp = manifest.content_security_policy?.extension_pages as string | undefined;
    if (csp !== undefined) {
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    }
  });

  it.each(['popup.html', 'options.html', 'library.html', 'read.html'])('%s has no inline script or handler, only its own bundled modules', (file) => {
    const html = readFileSync(path.join(CHROME_EXTENSION, file), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body!.trim(), `${file}: inline script`).toBe('');
      expect(attrs).toMatch(/src="\/[^"/][^"]*\.js"/);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});

describe.each(families.map((f) => [f.site, f] as const))('%s: the corpus in every field', (_site, family) => {
  let page: Page;
  let storyId = '';

  it('the content script reads the page and the popup shows it: nothing runs, nothing loads', async () => {
    page = await openStoryPage(session, family.url);
    expect(await page.evaluate(() => document.documentElement.dataset.ficshelf)).toBe('story');
    // Chromium's preload scanner fetches the page's own resources before the policy stops them: those
    // loads are the site's, made before FicShelf shows anything, and are counted apart.
    await page.waitForTimeout(1500);
    pageOwnLoads.push(...outsideRequests.splice(0));
    const popup = await openPopupFor(session, await tabIdOf(page));
    await stirEvents(popup);
    expectClean(`${family.site} popup`, await hazardsIn(popup));
    await stirEvents(page);
    expectClean(`${family.site} page`, []);
    await popup.close();
  });

  it('reader mode renders the chapter: nothing runs, nothing loads', async () => {
    const tabId = await tabIdOf(page);
    await session.worker.evaluate(
      (id) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'ficshelf:command', command: 'toggle-reader' }),
      tabId,
    );
    await page.waitForSelector('[data-ficshelf="reader"]', { state: 'attached', timeout: 20_000 });
    await page.waitForTimeout(500);
    await stirEvents(page);
    expectClean(`${family.site} reader mode`, await hazardsIn(page, '[data-ficshelf="reader"]'));
    // The reader root is FicShelf's: a policy violation there means hostile markup reached it.
    expect(violations.filter((v) => v.inFicShelf && !/font|style/.test(v.directive))).toEqual([]);
  });

  it('saves to the library, shows in library.html and read.html, and exports an HTML file: nothing runs, nothing loads', async () => {
    const popup = await openPopupFor(session, await tabIdOf(page));
    await popup.waitForSelector('[data-library-state="not-saved"]');
    await popup.click('[data-action="save"]');
    await popup.waitForSelector('[data-library-state="saved"], [data-library-state="partial"]', { timeout: 60_000 });
    storyId = await page.evaluate(() => document.documentElement.dataset.ficshelfStoryId ?? '');
    await popup.close();
    await page.close();

    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/library.html`);
    await library.waitForSelector('[data-ficshelf="library-item"]');
    const item = storyId
      ? `[data-ficshelf="library-item"][data-story-id="${storyId}"]`
      : `[data-ficshelf="library-item"]:has-text("fsreachtitle"), [data-ficshelf="library-item"]`;
    const row = library.locator(item).first();
    storyId = (await row.getAttribute('data-story-id')) ?? storyId;
    await stirEvents(library);
    expectClean(`${family.site} library.html`, await hazardsIn(library));

    const [download] = await Promise.all([library.waitForEvent('download'), row.locator('[data-action="html"]').click()]);
    const file = path.join(downloads, `${family.site}.html`);
    writeFileSync(file, readFileSync((await download.path())!));

    await Promise.all([library.waitForURL(/read\.html\?id=/), row.locator('[data-action="read"]').click()]);
    await library.waitForSelector('[data-ficshelf="offline-reader"][data-state="ready"]', { timeout: 20_000 });
    await library.waitForTimeout(500);
    await stirEvents(library);
    expectClean(`${family.site} read.html`, await hazardsIn(library));
    expect(violations.filter((v) => v.url.startsWith('chrome-extension:') && /script|object|frame/.test(v.directive))).toEqual([]);
    await library.close();

    const exported = await session.context.newPage();
    await exported.goto(`file://${file}`);
    await exported.waitForTimeout(500);
    await stirEvents(exported);
    expectClean(`${family.site} exported HTML`, await hazardsIn(exported, 'body'));
    expect(violations.filter((v) => v.url.startsWith('file:') && /script/.test(v.directive))).toEqual([]);
    await exported.close();
  });
});
