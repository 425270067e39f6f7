#!/usr/bin/env node
/**
 * Debian packages some tests need (toolchain.md: no test tool may download a
 * browser or binary of its own). `node scripts/ensure-packages.mjs <name>…`
 * with names from PACKAGES: as root (CI) it installs what is missing with
 * apt-get; otherwise it stops with the exact command to run. Tests never skip
 * silently for want of them.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export const PACKAGES = {
  chromium: ['/usr/lib/chromium/chromium', '/usr/bin/chromium'],
  'firefox-esr': ['/usr/bin/firefox-esr'],
  epubcheck: ['/usr/bin/epubcheck'],
};

export function ensurePackages(names) {
  const missing = names.filter((name) => !(PACKAGES[name] ?? []).some((p) => existsSync(p)));
  if (missing.length === 0) return true;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`These tests need ${missing.join(', ')}. Install with:\n  sudo sh -c '${command}'`);
    return false;
  }
  console.log(`Installing ${missing.join(', ')} for the tests: ${command}`);
  try {
    execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return true;
  } catch {
    console.error(`Could not install ${missing.join(', ')}. Run by hand:\n  ${command}`);
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !(n in PACKAGES));
  if (unknown.length) {
    console.error(`unknown package(s): ${unknown.join(', ')}; known: ${Object.keys(PACKAGES).join(', ')}`);
    process.exit(2);
  }
  process.exit(ensurePackages(names) ? 0 : 1);
}
