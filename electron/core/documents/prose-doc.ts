import type { DocSection } from './table-doc';

// One model for every prose document the app writes — the 培训班总结, the 优秀调研报告汇编, the 学员手册 —
// and one writer reads it (prose-docx.ts). A domain says what the document holds; the house style
// (A4 with the school's official margins, 仿宋 body and 黑体 headings in black, page numbers, the
// contents) is the writer's, the same in every document.

// The body's size, by the names Chinese typesetting gives them: 三号 for official writing, 四号 for a
// handbook to be read, 小四 for a compilation of long reports.
export type BodySize = 'sanhao' | 'sihao' | 'xiaosi';

// A page of its own before the text, with no page number: a line above (the school, or the class),
// perhaps a second, the title large, and lines below (dates, the school).
export type ProseCover = { above: string; subtitle?: string; title: string; below: readonly string[] };

export type ProseBlock =
  // Body text, its first line indented two characters.
  | { kind: 'paragraph'; text: string }
  // A part that starts a page: centred, in the contents.
  | { kind: 'chapter'; text: string }
  // A centred line under a chapter's heading (a report's group and authors).
  | { kind: 'byline'; text: string }
  // A heading within the text, indented as the body is (一、基本情况).
  | { kind: 'heading'; text: string }
  // A heading over a table or a few paragraphs, flush left.
  | { kind: 'subheading'; text: string }
  | { kind: 'table'; table: DocSection }
  // The contents: a field of the chapters with their page numbers, or (entries) a list written out,
  // each with a note beside it.
  | { kind: 'contents'; title: string; entries?: readonly { text: string; note: string }[] };

export type ProseDoc = {
  // The file's own title (what Word shows in its properties).
  title: string;
  body: BodySize;
  cover?: ProseCover;
  // A centred title over the text, for a document with no cover.
  heading?: string;
  blocks: readonly ProseBlock[];
  // Lines set right at the end: the school, the date.
  signOff?: readonly string[];
};
