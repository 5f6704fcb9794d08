// Between the pages of a PDF's text, on a line of its own: put there by extract.ts, read by whatever
// needs a report's pages (the 汇编's cleaner takes running headers and footers off by it).
export const pageBreak = '\f';
