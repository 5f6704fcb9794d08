import { message } from '../i18n/translate';

// Names that came from outside — a dropped folder, a zip entry, a report's file name, a title that
// names a saved file — made safe first and checked after (architecture.md, rule 9). Pure: the core's
// containment helper (electron/core/files/contain.ts) and the page's save dialogs use the same rules.

const encoder = new TextEncoder();
const utf8Bytes = (text: string) => encoder.encode(text).length;

// Bytes a file name may have on ext4, NTFS (255 UTF-16 units) and most else: the smaller, in UTF-8.
const maxNameBytes = 255;

// What no file system we write to can hold in a name, or what a name must not carry: separators,
// Windows' reserved characters, control characters, and the bidirectional controls that make
// "报告\u202Excod.exe" read as "报告exe.docx".
// eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
const unsafeChars = /[\u0000-\u001f\u007f\\/:*?"<>|\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// Windows opens a device, not a file, for these names — with any extension (CON.txt is the console),
// and with spaces before the extension too ("CON .txt"): it reads the name up to its first dot.
const reservedNames = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const isReserved = (name: string) => reservedNames.test((name.split('.')[0] ?? '').replace(/\s+$/u, ''));

export type NameProblem = 'empty' | 'dots' | 'characters' | 'reserved' | 'trailing' | 'tooLong';

// Why a name cannot be written as it is (undefined: it can). A name is one part of a path.
export const nameProblem = (name: string): NameProblem | undefined => {
  if (name === '') return 'empty';
  if (name === '.' || name === '..') return 'dots';
  if (new RegExp(unsafeChars.source).test(name)) return 'characters';
  // Windows drops a trailing dot or space: "报告." and "报告" would be one file, ".. " would be "..".
  if (/[\s.]$/u.test(name)) return 'trailing';
  if (isReserved(name)) return 'reserved';
  if (utf8Bytes(name) > maxNameBytes) return 'tooLong';
  return undefined;
};

// Cut to at most `maxChars` characters and 255 bytes, keeping a short extension (".docx") whole.
const fitName = (name: string, maxChars: number): string => {
  const chars = [...name];
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? [...name.slice(dot)] : [];
  let stem = chars.slice(0, chars.length - extension.length);
  const fits = () => stem.length + extension.length <= maxChars && utf8Bytes(stem.join('') + extension.join('')) <= maxNameBytes;
  while (stem.length > 0 && !fits()) stem = stem.slice(0, -1);
  const whole = stem.length > 0 ? stem.join('') + extension.join('') : chars.slice(0, maxChars).join('');
  // A cut can leave a space or a dot last.
  return whole.replace(/[\s.]+$/u, '');
};

// A name from outside, made safe: unsafe characters become _, blanks around it (a full-width space
// too, as a Chinese IME types it) and trailing dots go, and it is cut to fit. What is left may still
// be nothing, or a reserved name: check it (nameProblem, safeName) before use.
export const cleanName = (raw: string, maxChars = 120): string =>
  fitName(
    raw
      .normalize('NFC')
      .replace(unsafeChars, (char) => (/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(char) ? '' : '_'))
      .trim()
      .replace(/[\s.]+$/u, ''),
    maxChars,
  );

export class UnsafeName extends Error {
  constructor(
    readonly raw: string,
    readonly problem: NameProblem,
  ) {
    super(message(`files.contain.name.${problem}`, { name: raw.slice(0, 120) }));
  }
}

// Cleaned and checked: a name that can be written, or UnsafeName.
export const safeName = (raw: string, maxChars = 120): string => {
  const cleaned = cleanName(raw, maxChars);
  const problem = nameProblem(cleaned);
  if (problem) throw new UnsafeName(raw, problem);
  return cleaned;
};
