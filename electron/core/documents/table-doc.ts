// One model for every tabular document the app prints — rosters, sign-in sheets, group lists,
// contact lists, later schedules — and one writer per format reads it.
export type DocColumn = {
  label: string;
  // Width in Chinese characters; writers scale it to their own units.
  width: number;
  align?: 'left' | 'center';
  // Sign-in cells stay empty and tall enough to sign in.
  signature?: boolean;
};

export type DocSection = {
  heading?: string;
  // A plain line under the heading (a sign-in page's teacher, place and expected count).
  note?: string;
  columns: readonly DocColumn[];
  rows: readonly (readonly string[])[];
  // Each section after the first starts on a new page (one per day of a sign-in sheet).
  pageBreakBefore?: boolean;
  // Columns whose equal values in consecutive rows become one merged cell (a schedule's dates).
  mergeColumns?: readonly number[];
  // A short table kept whole on one page with the line before it (a group of the 学员手册), rather
  // than its last rows left alone at the top of the next.
  keepTogether?: boolean;
};

// For each row and merged column: how many rows the cell spans from here (0 inside a run).
export const mergeSpans = (section: DocSection): number[][] =>
  section.rows.map((row, r) =>
    section.columns.map((_, c) => {
      if (!section.mergeColumns?.includes(c)) return 1;
      const starts = (i: number) =>
        i === 0 ||
        section.mergeColumns
          ?.slice(0, section.mergeColumns.indexOf(c) + 1)
          .some((m) => section.rows[i]?.[m] !== section.rows[i - 1]?.[m]);
      if (!starts(r)) return 0;
      let span = 1;
      while (r + span < section.rows.length && !starts(r + span)) span += 1;
      return span;
    }),
  );

export type TableDoc = {
  title: string;
  // The worksheet's name when it is one of several in a book (the title otherwise).
  sheet?: string;
  subtitle: string;
  orientation: 'portrait' | 'landscape';
  sections: readonly DocSection[];
  footer?: string;
};

// A CSV field that begins with = + - @ (or a tab or carriage return) would run as a formula when Excel
// or WPS opens the file; a leading apostrophe keeps it text, as Excel itself does. Only CSV needs it:
// an .xlsx says which cells are text.
export const escapeCell = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

export const docFormats = ['xlsx', 'docx', 'pdf', 'csv'] as const;
export type DocFormat = (typeof docFormats)[number];
