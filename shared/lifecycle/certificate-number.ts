// 证书编号: the number each 结业证书 carries, written from a pattern set in settings, e.g.
// 辽党校结〔{year}〕第{seq:3}号 → 辽党校结〔2019〕第003号. The pattern's words are the school's own;
// three placeholders stand for what changes:
//   {year}   the class's year (2019)
//   {class}  the class's code (2019-003), which tells two classes of one year apart
//   {seq}    the trainee's place in the class (roster order), {seq:3} zero-padded to three digits
// A pattern needs a {seq}: without one every certificate of the class would carry the same number.

export const certificateNumberLimits = { length: 60, width: 6 } as const;

// A default that is unique across classes without any setting: the class code and the place in it.
export const defaultCertificateNumberFormat = '结业证字第{class}-{seq:3}号';

type Part = { text: string } | { year: true } | { class: true } | { seq: number };

export type CertificateNumberProblem =
  | { problem: 'empty' }
  | { problem: 'tooLong'; max: number }
  | { problem: 'unknown'; token: string }
  | { problem: 'brace' }
  | { problem: 'width'; token: string; max: number }
  | { problem: 'noSeq' };

export type ParsedFormat = { ok: true; parts: Part[] } | ({ ok: false } & CertificateNumberProblem);

const placeholder = /\{([^{}]*)\}/g;

export const parseCertificateNumberFormat = (format: string): ParsedFormat => {
  if (format.trim() === '') return { ok: false, problem: 'empty' };
  if (format.length > certificateNumberLimits.length)
    return { ok: false, problem: 'tooLong', max: certificateNumberLimits.length };
  const parts: Part[] = [];
  let at = 0;
  for (const found of format.matchAll(placeholder)) {
    const before = format.slice(at, found.index);
    // A brace outside a placeholder ("{year", "seq}") is a typing slip, not a word of the number.
    if (/[{}]/.test(before)) return { ok: false, problem: 'brace' };
    if (before !== '') parts.push({ text: before });
    const [token, inner = ''] = found;
    const name = inner.trim();
    const seq = /^seq(?::(\d+))?$/.exec(name);
    if (name === 'year') parts.push({ year: true });
    else if (name === 'class') parts.push({ class: true });
    else if (seq) {
      const width = seq[1] === undefined ? 1 : Number(seq[1]);
      if (width < 1 || width > certificateNumberLimits.width)
        return { ok: false, problem: 'width', token, max: certificateNumberLimits.width };
      parts.push({ seq: width });
    } else return { ok: false, problem: 'unknown', token };
    at = found.index + token.length;
  }
  const rest = format.slice(at);
  if (/[{}]/.test(rest)) return { ok: false, problem: 'brace' };
  if (rest !== '') parts.push({ text: rest });
  if (!parts.some((part) => 'seq' in part)) return { ok: false, problem: 'noSeq' };
  return { ok: true, parts };
};

export const isCertificateNumberFormat = (format: string): boolean => parseCertificateNumberFormat(format).ok;

// A number wider than its padding is written whole: 第1000号 after 第999号, never cut.
export const certificateNumber = (format: string, values: { year: number; classCode: string; seq: number }): string => {
  // Settings only ever hold a valid pattern (checked when saved and when read); the default stands in otherwise.
  const parsed = parseCertificateNumberFormat(format);
  const fallback = parseCertificateNumberFormat(defaultCertificateNumberFormat);
  const parts = parsed.ok ? parsed.parts : fallback.ok ? fallback.parts : [];
  return parts
    .map((part) =>
      'text' in part
        ? part.text
        : 'year' in part
          ? String(values.year)
          : 'class' in part
            ? values.classCode
            : String(values.seq).padStart(part.seq, '0'),
    )
    .join('');
};
