import { extname, normalize, relative, resolve, sep } from 'node:path';

// Maps a URL path onto the built renderer folder, refusing anything that would leave it. Serves the
// app:// protocol in the app and the 127.0.0.1 server of the end-to-end tests alike.
export const resolveStaticFile = (rootDir: string, rawPathname: string): string | undefined => {
  let path: string;
  try {
    path = decodeURIComponent(rawPathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const root = resolve(rootDir);
  const file = resolve(root, `.${normalize(path === '/' || path === '' ? '/index.html' : path)}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || inside.startsWith(sep)) return undefined;
  return file;
};

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export const contentType = (file: string): string => types[extname(file).toLowerCase()] ?? 'application/octet-stream';
