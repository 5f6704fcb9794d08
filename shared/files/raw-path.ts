// A value that is itself a file path: /etc/passwd, C:\Windows, C:/x, \\server\share, \\?\C:\x,
// //server/share, \Windows, ~/x, file:///x — or that climbs out of a folder with a ".." segment.
// Prose that mentions a path ("材料见 D:\培训") is not a path; a value that is one is.
const rawPathPatterns: readonly RegExp[] = [/^[\\/]{2}/, /^[A-Za-z]:([\\/]|$)/, /^[\\/](?![\\/])\S/, /^~[\\/]/, /^file:/i];

// A segment that climbs: "..", and what becomes ".." once trimmed as a name is (" ..", ".. ", "..　"
// with a full-width space) or once Windows drops its trailing dots and spaces ("...", ".. .").
const climbs = (segment: string): boolean => {
  const trimmed = segment.trim();
  return trimmed === '..' || (trimmed.startsWith('..') && trimmed.replace(/[\s.]+$/u, '') === '');
};

// Without a separator only a bare ".." is a path: a note of "..." is prose.
export const isRawPath = (value: string): boolean =>
  rawPathPatterns.some((pattern) => pattern.test(value.trim())) ||
  (/[\\/]/.test(value) ? value.split(/[\\/]/).some(climbs) : value.trim() === '..');

// The first place in an input (a dotted field path) that holds a raw path, looking through objects,
// arrays and map keys as deep as the input goes.
export const findRawPath = (input: unknown, at: readonly string[] = [], depth = 0): string[] | undefined => {
  if (depth > 32) return undefined;
  if (typeof input === 'string') return isRawPath(input) ? [...at] : undefined;
  if (typeof input !== 'object' || input === null) return undefined;
  const entries: [string, unknown][] = Array.isArray(input)
    ? input.map((value, index) => [String(index), value])
    : input instanceof Map
      ? [...input.entries()].flatMap(([key, value]): [string, unknown][] => [
          [typeof key === 'string' ? key : '', key],
          [typeof key === 'string' ? key : '', value],
        ])
      : input instanceof Set
        ? [...input.values()].map((value, index) => [String(index), value])
        : Object.keys(input).map((key) => [key, Reflect.get(input, key)]);
  for (const [key, value] of entries) {
    if (isRawPath(key)) return [...at, key];
    const found = findRawPath(value, [...at, key], depth + 1);
    if (found) return found;
  }
  return undefined;
};
