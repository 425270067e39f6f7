import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchCase } from '../context';
import { groupSizes } from '../module-groups';
import type { CaseResult } from '../stats';
import { GUIDED_FANDOMS } from '../../../utils/fandoms/guides';
import { CONTENT_SCRIPT_FILE } from '../../../entrypoints/background/site-scripts';

/**
 * Case 4: bytes of every content script the built chrome-mv3 extension
 * injects (minified as built, and gzipped), and what each part costs. The
 * per-part split comes from the bench build's module sizes (rendered bytes
 * before minification), scaled to the minified and gzipped totals, so it is
 * a proportion, not an exact per-module gzip.
 */
const TARGET_KB = 40;
const AO3_URL = 'https://archiveofourown.org/works/1';
/** The other pages whose injected code is printed beside AO3's, so the AO3 figure is not read as every page's. */
const FFN_URL = 'https://www.fanfiction.net/s/1/1/';

interface ContentScript {
  matches: string[];
  js?: string[];
}

export interface ScriptSize {
  file: string;
  minified: number;
  gzipped: number;
  parts: Array<{ group: string; bytes: number; share: number }>;
}

function matchesUrl(pattern: string, url: URL): boolean {
  const [, scheme, host, rest] = pattern.match(/^(\*|https?):\/\/([^/]+)(\/.*)$/) ?? [];
  if (!scheme) return false;
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  const hostOk = host === '*' || host === url.hostname || (host!.startsWith('*.') && (url.hostname === host!.slice(2) || url.hostname.endsWith(host!.slice(1))));
  const pathRe = new RegExp('^' + rest!.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return hostOk && pathRe.test(url.pathname);
}

function modulesOf(statsFile: string, fileName: string): Record<string, number> {
  const modules: Record<string, number> = {};
  for (const line of readFileSync(statsFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { fileName: string; modules: Record<string, number> };
    if (record.fileName === fileName) Object.assign(modules, record.modules);
  }
  return modules;
}

export interface MeasuredScripts {
  scripts: ScriptSize[];
  /** The manifest's content scripts whose matches cover an AO3 work page. */
  onAo3: string[];
  /** The same for an FFN story page. */
  onFfn: string[];
}

export function measureScripts(extensionDir: string, statsFile: string): MeasuredScripts {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts?: ContentScript[] };
  const scripts: ScriptSize[] = [];
  const onAo3: string[] = [];
  const onFfn: string[] = [];
  for (const entry of manifest.content_scripts ?? []) {
    for (const file of entry.js ?? []) {
      const bytes = readFileSync(path.join(extensionDir, file));
      const parts = groupSizes(modulesOf(statsFile, file));
      const total = parts.reduce((sum, p) => sum + p.bytes, 0) || 1;
      scripts.push({
        file,
        minified: bytes.length,
        gzipped: gzipSync(bytes, { level: 9 }).length,
        parts: parts.map((p) => ({ ...p, share: p.bytes / total })),
      });
      if (entry.matches.some((m) => matchesUrl(m, new URL(AO3_URL)))) onAo3.push(file);
      if (entry.matches.some((m) => matchesUrl(m, new URL(FFN_URL)))) onFfn.push(file);
    }
  }
  return { scripts, onAo3, onFfn };
}

/** The gzipped and minified sum of the named scripts, and their names for the note. */
function sumOf(scripts: ScriptSize[], files: string[]): { gz: number; min: number; names: string } {
  const picked = scripts.filter((s) => files.includes(s.file));
  return {
    gz: picked.reduce((sum, s) => sum + s.gzipped, 0),
    min: picked.reduce((sum, s) => sum + s.minified, 0),
    names: picked.map((s) => s.file).join(' + '),
  };
}

const kb = (bytes: number) => bytes / 1024;

export const injectedCase: BenchCase = async (ctx) => {
  const { scripts, onAo3, onFfn } = measureScripts(path.join(ctx.outDir, 'chrome-mv3'), ctx.statsFile);
  const results: CaseResult[] = [];
  for (const script of scripts) {
    const top = script.parts
      .slice(0, 6)
      .map((p) => `${p.group} ${(kb(script.gzipped) * p.share).toFixed(1)}`)
      .join(', ');
    results.push({
      case: '4 injected',
      name: `${script.file} gzipped`,
      unit: 'KB',
      median: kb(script.gzipped),
      p95: kb(script.gzipped),
      runs: 1,
      note: `${kb(script.minified).toFixed(1)} KB minified; est. gz KB by part: ${top}`,
    });
  }
  const { gz, min, names } = sumOf(scripts, onAo3);
  results.push({
    case: '4 injected',
    name: 'on an AO3 page, before reader mode (gzipped)',
    unit: 'KB',
    median: kb(gz),
    p95: kb(gz),
    runs: 1,
    target: { kind: 'value', max: TARGET_KB },
    pass: kb(gz) <= TARGET_KB,
    note: `${names}; ${kb(min).toFixed(1)} KB minified`,
  });
  results.push(...otherPageRows(scripts, onFfn));
  results.push(...guidesPartRows(path.join(ctx.outDir, 'chrome-mv3'), gz));
  for (const script of scripts) {
    for (const part of script.parts) {
      results.push({
        case: '4 injected (part)',
        name: `${script.file}: ${part.group}`,
        unit: 'KB',
        median: kb(script.gzipped) * part.share,
        p95: kb(script.gzipped) * part.share,
        runs: 1,
        note: `est. ${(kb(script.minified) * part.share).toFixed(1)} KB minified`,
        detail: true,
      });
    }
  }
  ctx.log(`  ${scripts.length} content scripts, ${kb(gz).toFixed(1)} KB gzipped on AO3`);
  return results;
};

/**
 * What the other pages carry: an FFN page gets the page script with every
 * family (the manifest's scripts matching it), and a site the reader enabled
 * gets the script the background registers there (no early hider: that runs
 * on the known sites only). No target: the is for AO3.
 */
function otherPageRows(scripts: ScriptSize[], onFfn: string[]): CaseResult[] {
  const enabledFile = CONTENT_SCRIPT_FILE.replace(/^\//, '');
  const pages = [
    { name: 'on an FFN page, before reader mode (gzipped)', files: onFfn },
    { name: 'on a site the reader enabled, before reader mode (gzipped)', files: [enabledFile] },
  ];
  return pages.map(({ name, files }) => {
    const { gz, min, names } = sumOf(scripts, files);
    return { case: '4 injected', name, unit: 'KB', median: kb(gz), p95: kb(gz), runs: 1, note: `${names}; ${kb(min).toFixed(1)} KB minified` };
  });
}

/**
 * The episode guides are not injected into every page: the content script
 * runs the `guides` part (entrypoints/guides-part.ts) only on story and
 * listing pages whose fandoms have a guide. Printed apart, with what such a
 * page carries in all, so the figure above is not read as the whole story.
 */
function guidesPartRows(extensionDir: string, injectedGz: number): CaseResult[] {
  const bytes = readFileSync(path.join(extensionDir, 'guides-part.js'));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const where = `loaded only on story/listing pages whose fandoms have a guide (${GUIDED_FANDOMS.join(', ')})`;
  return [
    { case: '4 injected', name: 'guides-part.js gzipped (on demand)', unit: 'KB', median: kb(gz), p95: kb(gz), runs: 1, note: `${kb(bytes.length).toFixed(1)} KB minified; ${where}` },
    {
      case: '4 injected',
      name: 'on an AO3 page of a fandom with a guide (gzipped)',
      unit: 'KB',
      median: kb(injectedGz + gz),
      p95: kb(injectedGz + gz),
      runs: 1,
      note: 'content scripts + guides-part.js, before reader mode',
    },
  ];
}
