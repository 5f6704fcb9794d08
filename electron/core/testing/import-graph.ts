import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The relative imports between the project's own modules (type-only imports included: a cycle of
// types is still two modules that cannot be understood apart).
export type ImportGraph = Map<string, string[]>;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });

const resolveImport = (from: string, spec: string): string | undefined => {
  const base = resolve(dirname(from), spec);
  return ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((path) => existsSync(path));
};

export const importGraph = (root: string, folders: readonly string[]): ImportGraph => {
  const graph: ImportGraph = new Map();
  for (const file of folders.flatMap((folder) => sourceFiles(join(root, folder)))) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)]
      .map((match) => resolveImport(file, match[1] ?? ''))
      .filter((path): path is string => path !== undefined);
    graph.set(relative(root, file), [...new Set(targets.map((path) => relative(root, path)))]);
  }
  return graph;
};

// Every cycle's members (Tarjan's strongly connected components of more than one module, or one
// that imports itself).
export const cycles = (graph: ImportGraph): string[][] => {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indexOf.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, indexOf.get(next) ?? 0));
    }
    if (low.get(node) === indexOf.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indexOf.has(node)) visit(node);
  return found;
};

// The same graph one level up: electron/core/<folder>/… → <folder>. A file at the core's root
// (router.ts, context.ts) stands for itself.
export const folderGraph = (graph: ImportGraph, under: string): ImportGraph => {
  const prefix = `${under}/`;
  const folderOf = (file: string): string | undefined => {
    if (!file.startsWith(prefix)) return undefined;
    const rest = file.slice(prefix.length);
    const slash = rest.indexOf('/');
    return slash === -1 ? rest.replace(/\.tsx?$/, '') : rest.slice(0, slash);
  };
  const folders: ImportGraph = new Map();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    if (from === undefined) continue;
    const edges = new Set(folders.get(from) ?? []);
    for (const target of targets) {
      const to = folderOf(target);
      if (to !== undefined && to !== from) edges.add(to);
    }
    folders.set(from, [...edges].sort());
  }
  return folders;
};

export type Layers = readonly (readonly string[])[];

// Each import that runs from a folder to one in a higher layer (or to a folder no layer names).
export const upwardImports = (folders: ImportGraph, layers: Layers): string[] => {
  const levelOf = new Map(layers.flatMap((names, level) => names.map((name) => [name, level] as const)));
  const found: string[] = [];
  for (const [from, targets] of folders) {
    const level = levelOf.get(from);
    if (level === undefined) {
      found.push(`${from}: in no layer`);
      continue;
    }
    for (const to of targets) {
      const target = levelOf.get(to);
      if (target === undefined || target > level) found.push(`${from} → ${to}`);
    }
  }
  return found.sort();
};
