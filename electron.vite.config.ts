import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contract } from './shared/contract';
import { metaContentSecurityPolicy } from './shared/csp';

const root = import.meta.dirname;

// What the page needs of the contract at run time is each channel's name and whether it leaves the
// data as it was. Read from the contract here, when the renderer is built, the page does not parse
// and build every domain's zod schemas before it can draw its first screen.
const channelTable = (): Plugin => {
  const id = 'virtual:cadre-channels';
  return {
    name: 'cadre-channels',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) =>
      resolved === `\0${id}`
        ? [
            `export const quietByChannel = ${JSON.stringify(Object.fromEntries(Object.entries(contract).map(([name, spec]) => [name, spec.quiet])))};`,
            'export const channelNames = Object.keys(quietByChannel);',
          ].join('\n')
        : undefined,
  };
};

export default defineConfig({
  main: {
    build: {
      // The main process, the worker thread it runs the core in (core-worker.js beside index.js), and
      // the worker the core reads outside files in (parse-worker.js).
      lib: {
        entry: {
          index: resolve(root, 'electron/main/index.ts'),
          'core-worker': resolve(root, 'electron/core/host/worker.ts'),
          'parse-worker': resolve(root, 'electron/core/documents/parser/worker.ts'),
        },
        formats: ['es'],
      },
      externalizeDeps: true,
    },
  },
  preload: {
    build: {
      // A sandboxed preload is one CommonJS file that may require nothing but electron.
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [
      react(),
      channelTable(),
      {
        // The same policy the app:// protocol and the e2e server send as a header, also as a meta tag.
        name: 'cadre-csp',
        transformIndexHtml: (html) => html.replace('%CADRE_CSP%', metaContentSecurityPolicy),
      },
    ],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
      minify: true,
      chunkSizeWarningLimit: 4000,
    },
  },
});
