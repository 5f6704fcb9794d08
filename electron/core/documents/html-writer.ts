import { mergeSpans, type TableDoc } from './table-doc';

export const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

// A self-contained, print-styled page (no scripts, no external resources) for Chromium to turn into
// an A4 PDF. The table header repeats on every page, as Chromium does for <thead>.
export const renderHtml = (doc: TableDoc): string => {
  const sections = doc.sections
    .map((section, index) => {
      const total = section.columns.reduce((sum, column) => sum + column.width, 0);
      const cols = section.columns.map((column) => `<col style="width:${((column.width / total) * 100).toFixed(2)}%">`).join('');
      const head = section.columns.map((column) => `<th>${escapeHtml(column.label)}</th>`).join('');
      const spans = mergeSpans(section);
      const body = section.rows
        .map(
          (row, r) =>
            `<tr>${row
              .map((cell, i) => {
                const span = spans[r]?.[i] ?? 1;
                if (span === 0) return '';
                const column = section.columns[i];
                const classes = [column?.align === 'center' ? 'c' : '', column?.signature ? 'sign' : '']
                  .filter(Boolean)
                  .join(' ');
                return `<td${span > 1 ? ` rowspan="${span}"` : ''}${classes ? ` class="${classes}"` : ''}>${escapeHtml(cell)}</td>`;
              })
              .join('')}</tr>`,
        )
        .join('');
      const pageBreak = index > 0 && section.pageBreakBefore ? ' style="break-before:page"' : '';
      const top =
        index > 0 && section.pageBreakBefore
          ? `<h1>${escapeHtml(doc.title)}</h1><p class="sub">${escapeHtml(doc.subtitle)}</p>`
          : '';
      return `<section${pageBreak}>${top}${section.heading ? `<h2>${escapeHtml(section.heading)}</h2>` : ''}${section.note ? `<p class="note">${escapeHtml(section.note)}</p>` : ''}<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></section>`;
    })
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>
<style>
  @page { size: A4 ${doc.orientation}; margin: 15mm 12mm 15mm 12mm; }
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei", serif; font-size: 10.5pt; color: #000; margin: 0; }
  h1 { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: 18pt; text-align: center; margin: 0 0 4pt; }
  .sub { text-align: center; margin: 0 0 10pt; font-size: 11pt; }
  h2 { font-size: 12pt; margin: 12pt 0 4pt; }
  .note { margin: 0 0 4pt; }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  th, td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: middle; overflow-wrap: anywhere; }
  th { background: #f2f2f2; font-weight: bold; text-align: center; }
  td.c { text-align: center; }
  td.sign { height: 26pt; }
  tr { break-inside: avoid; }
  .footer { margin-top: 8pt; font-size: 9pt; }
</style></head>
<body><h1>${escapeHtml(doc.title)}</h1><p class="sub">${escapeHtml(doc.subtitle)}</p>${sections}${doc.footer ? `<p class="footer">${escapeHtml(doc.footer)}</p>` : ''}</body></html>`;
};
