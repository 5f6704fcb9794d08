// A file's own words as messages, previews and the command line echo them back: a header or a cell
// of an imported file is whatever its author typed, and a crafted one may be a megabyte long (echoed
// once per row of a refusal, enough to exhaust the app's memory) or hold control and bidi-override
// characters that make the words around it read backwards. Shown, it is one line of ordinary
// characters, cut (with …) at a length no real header or cell needs.

export const shownMax = 120;

// C0/C1 controls (line breaks too: one line), bidi embeddings, overrides and isolates, and the
// zero-width marks used to hide them.
// eslint-disable-next-line no-control-regex
const unshown = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g;

// Whether a text holds any of them: a name that stands for a person (the audit log's operator) or is
// printed as it is (a certificate's number) is refused with them, rather than shown otherwise.
export const hasUnshown = (text: string): boolean => new RegExp(unshown.source, 'u').test(text);

// Bidi embeddings, overrides and isolates and the zero-width marks: dropped from a one-line text kept
// as typed (a report's title), where they could only make it read otherwise than it is written.
const marks = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
export const withoutMarks = (text: string): string => text.replace(marks, '');

export const shownText = (text: string, max: number = shownMax): string => {
  // Only the start is looked at: a megabyte is never copied whole.
  const head = text.slice(0, max * 2 + 2).replace(unshown, ' ');
  const points = Array.from(head);
  return points.length > max || text.length > max * 2 + 2 ? `${points.slice(0, max).join('')}…` : head;
};
