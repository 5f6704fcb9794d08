import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contract } from './shared/contract';
import { metaContentSecurityPolicy } from './shared/csp';
import { theme } from './renderer/src/app/theme';

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

// The antd components the screens import (`import { Button, Table } from 'antd'`), found in the
// renderer's sources; what they draw inside themselves (a table's pager) is added by hand.
const antdComponentsUsed = (dir: string): string[] => {
  const names = new Set(['Pagination', 'message', 'notification']);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));
  for (const file of files)
    for (const [, list = ''] of readFileSync(join(dir, file), 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g))
      for (const item of list.split(',')) if (/^\s*[A-Z]/.test(item)) names.add((item.trim().split(/\s+as\s+/)[0] ?? '').trim());
  return [...names].filter(Boolean);
};

// antd writes its styles at run time (CSS-in-JS): on the first screen that is a fifth of the time
// spent drawing. Written here instead, when the renderer is built, for the school's theme and the
// components the screens use, they arrive as one stylesheet; antd finds each of its styles listed
// in it (the cache-path map it reads back from the page) and skips writing it again. Whatever
// this misses (a style only some prop brings) antd still writes at run time, as before.
const antdStaticStyles = (): Plugin => {
  const id = 'virtual:antd-static.css';
  return {
    name: 'cadre-antd-static-styles',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: async (resolved) => {
      if (resolved !== `\0${id}`) return undefined;
      const [{ extractStyle }, { ConfigProvider }, { createElement }] = await Promise.all([
        import('@ant-design/static-style-extract'),
        import('antd'),
        import('react'),
      ]);
      return extractStyle({
        includes: antdComponentsUsed(resolve(root, 'renderer/src')),
        customTheme: (node) => createElement(ConfigProvider, { theme }, node),
      });
    },
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
      antdStaticStyles(),
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
