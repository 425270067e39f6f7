import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../../tests/helpers/fixtures';

/**
 * Bundles a bench probe (scripts/bench/page/*) with the FicShelf modules it
 * imports into one IIFE, to evaluate inside a page. esbuild ships with vite.
 */
export async function bundleProbe(entry: string, options: { minify?: boolean } = {}): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'scripts', 'bench', 'page', entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: options.minify ?? true,
    // Unminified bundles keep function names, for CPU profiles.
    keepNames: options.minify === false,
    alias: { '@': ROOT },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
