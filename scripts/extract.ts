/**
 * `npm run --silent extract -- <file.html> --url <page url> [--generic]`
 *
 * Prints what FicShelf reads from a saved page, as one JSON object
 * ({ kind, site, story? , listing? }), using the same adapters as the
 * extension on a DOM built in Node. A maintainer or reader can see why a page
 * is read wrongly. --generic: also try the Readability fallback, as on a site
 * the reader enabled FicShelf for.
 */
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { domFromBytes } from './lib/page-bytes';
import { notAPage } from './lib/page-input';
import { classifyPage } from '../utils/sites/index';
import { installDomPurify } from '../utils/dompurify';
import { registerAllGuides } from '../utils/fandoms/all-guides';
import { generic as genericAdapter } from '../utils/sites/generic';

const USAGE = 'usage: npm run --silent extract -- <file.html> --url <page url> [--generic]';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  let file: string | undefined;
  let url: string | undefined;
  let generic = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url') url = argv[++i] ?? fail(`--url needs a value\n${USAGE}`);
    else if (arg.startsWith('--url=')) url = arg.slice(6);
    else if (arg === '--generic') generic = true;
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('-')) fail(`unknown option ${arg}\n${USAGE}`);
    else if (file) fail(`one file at a time\n${USAGE}`);
    else file = arg;
  }
  if (!file) fail(`no file given\n${USAGE}`);
  return { file, url, generic };
}

function main(): void {
  const { file, url, generic } = parseArgs(process.argv.slice(2));
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) fail(`${file} is not a file`);
    bytes = readFileSync(file);
  } catch (error) {
    fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const why = notAPage(bytes);
  if (why) fail(`${file} ${why}`);
  const pageUrl = url ?? pathToFileURL(path.resolve(file)).href;
  try {
    new URL(pageUrl);
  } catch {
    fail(`not a URL: ${pageUrl}`);
  }
  // Page scripts never run and their console noise (bad CSS) stays out of the output.
  const dom = domFromBytes(bytes, pageUrl);
  installDomPurify();
  registerAllGuides();
  const result = classifyPage(dom.window.document, pageUrl, { generic: generic ? genericAdapter : undefined });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

try {
  main();
} catch (error) {
  fail((error as Error).message);
}
