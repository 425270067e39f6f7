#!/usr/bin/env node
/**
 * Real-browser tests need Debian's chromium and firefox-esr (toolchain.md):
 * no test tool may download its own browser here. As root (CI) this installs
 * them with apt-get; otherwise it stops with the exact command to run.
 * The tests never skip silently for want of a browser.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const NEEDED = [
  { pkg: 'chromium', paths: ['/usr/lib/chromium/chromium', '/usr/bin/chromium'] },
  { pkg: 'firefox-esr', paths: ['/usr/bin/firefox-esr'] },
];

const missing = NEEDED.filter((b) => !b.paths.some((p) => existsSync(p))).map((b) => b.pkg);
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
if (process.getuid?.() !== 0) {
  console.error(`Real-browser tests need ${missing.join(' and ')}. Install with:\n  sudo sh -c '${command}'`);
  process.exit(1);
}
console.log(`Installing ${missing.join(', ')} for the real-browser tests: ${command}`);
try {
  execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} catch {
  console.error(`Could not install the browsers. Run by hand:\n  ${command}`);
  process.exit(1);
}
