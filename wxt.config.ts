import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { KNOWN_STORY_SITES } from './utils/known-sites';

/** OpenDyslexic, the dyslexia-friendly face reader mode offers, shipped inside the extension (SIL OFL). */
const FONT_DIR = 'node_modules/@fontsource/opendyslexic/files';
const BUNDLED_FONTS = ['400-normal', '400-italic', '700-normal', '700-italic'].map((v) => `opendyslexic-latin-${v}.woff2`);

// See README "Permissions" for why each one is asked for.
export default defineConfig({
  // FICSHELF_OUT_DIR lets parallel builds (several engineers, CI jobs) keep apart; the e2e harness reads the same variable.
  outDir: process.env.FICSHELF_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const name of BUNDLED_FONTS) files.push({ absoluteSrc: resolve(FONT_DIR, name), relativeDest: `fonts/${name}` });
      files.push({ absoluteSrc: resolve('node_modules/@fontsource/opendyslexic/LICENSE'), relativeDest: 'fonts/OpenDyslexic-LICENSE.txt' });
    },
  },
  manifest: ({ browser }) => ({
    name: 'FicShelf',
    description: 'Reader mode, spoiler and rating filters, and an offline library for fanfiction.',
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus'],
    // Rebindable by the reader (chrome://extensions/shortcuts, about:addons → Manage shortcuts).
    commands: {
      'toggle-reader': { suggested_key: { default: 'Alt+Shift+R' }, description: 'Reader mode on or off' },
      save: { suggested_key: { default: 'Alt+Shift+S' }, description: 'Save this story to the library' },
      reveal: { suggested_key: { default: 'Alt+Shift+U' }, description: 'Show what FicShelf hid on this page' },
    },
    host_permissions: [...KNOWN_STORY_SITES],
    // Reader mode's shadow root loads the bundled font on story pages (fonts only; no scripts are exposed).
    web_accessible_resources: [{ resources: ['fonts/*.woff2'], matches: ['*://*/*'] }] as never,
    // "Enable FicShelf on this site": any other origin, one at a time, only when the reader asks.
    // MV2 (Firefox) has no optional_host_permissions; origins go in optional_permissions there.
    ...(browser === 'firefox'
      ? {
          optional_permissions: ['*://*/*'] as never[],
          browser_specific_settings: {
            gecko: {
              id: 'ficshelf@ficshelf.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { optional_host_permissions: ['*://*/*'] }),
  }),
});
