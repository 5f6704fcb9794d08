// Terminal layout for Chinese text: a Han character or full-width form takes two columns.
const wide = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

export const displayWidth = (text: string): number => [...text].reduce((sum, char) => sum + (wide.test(char) ? 2 : 1), 0);

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

export const formatTable = (headers: readonly string[], rows: readonly (readonly string[])[]): string => {
  const widths = headers.map((header, i) => Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};

export const formatFacts = (facts: readonly (readonly [string, string])[]): string => {
  const width = Math.max(...facts.map(([label]) => displayWidth(label)));
  return facts
    .map(([label, value]) => {
      const [first = '', ...rest] = value.split('\n');
      const indent = ' '.repeat(width + 2);
      return [`${pad(label, width)}  ${first}`, ...rest.map((more) => indent + more)].join('\n');
    })
    .join('\n');
};
