import { appendFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import base from '../../wxt.config';

/**
 * The real FicShelf build plus one plugin that records, for every emitted
 * chunk, how many bytes each source module contributes. The bench reads this
 * to say what each content script costs (case 4); the extension built is the
 * same one the other cases run.
 */
function moduleSizes(file: string): Plugin {
  return {
    name: 'ficshelf-bench-module-sizes',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const modules = Object.fromEntries(Object.entries(output.modules).map(([id, info]) => [id, info.renderedLength]));
        // One JSON line per chunk: WXT runs several vite builds (one per content script) into the same file.
        appendFileSync(file, JSON.stringify({ fileName: output.fileName, modules }) + '\n');
      }
    },
  };
}

const statsFile = process.env.FICSHELF_BENCH_STATS;
const baseVite = base.vite;

export default {
  ...base,
  vite: (env: Parameters<NonNullable<typeof baseVite>>[0]) => {
    const config = (baseVite?.(env) ?? {}) as { plugins?: unknown[] };
    return statsFile ? { ...config, plugins: [...(config.plugins ?? []), moduleSizes(statsFile)] } : config;
  },
};
