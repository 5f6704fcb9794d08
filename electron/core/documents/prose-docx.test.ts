import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ProseDoc } from './prose-doc';
import { writeProseDocx } from './prose-docx';

// The house style, read back from the parts of the .docx the kit writes: what every prose document
// of the app shares, whoever builds it.

const partsOf = async (doc: ProseDoc) => {
  const files = unzipSync(new Uint8Array(await writeProseDocx(doc)));
  const part = (name: string) => {
    const found = files[name];
    if (!found) throw new Error(`no ${name}`);
    return strFromU8(found);
  };
  const footers = Object.keys(files)
    .filter((name) => /^word\/footer\d+\.xml$/.test(name))
    .map(part);
  return { document: part('word/document.xml'), styles: part('word/styles.xml'), footers, core: part('docProps/core.xml') };
};

const text = (xml: string) => xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');

describe('the prose kit', () => {
  it('sets the text on A4 with the school’s margins, 仿宋 body and 黑体 headings in black, numbered — N —', async () => {
    const { document, styles, footers, core } = await partsOf({
      title: '培训班总结',
      body: 'sanhao',
      heading: '2019年年轻干部培训班总结',
      blocks: [
        { kind: 'heading', text: '一、基本情况' },
        { kind: 'paragraph', text: '本期培训班于2019年9月9日开班。' },
        { kind: 'subheading', text: '班委' },
        { kind: 'table', table: { columns: [{ label: '姓名', width: 5 }], rows: [['张三']] } },
      ],
      signOff: ['中共辽源市委党校', '2019年9月20日'],
    });
    expect(core).toContain('<dc:title>培训班总结</dc:title>');
    // A4, margins 3.7 / 3.5 / 2.8 / 2.6 cm; one section, numbered from 1.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
    expect(document).toMatch(/<w:pgNumType w:start="1"\/>/);
    // 三号 body with its first line indented two characters on fixed 28 pt lines; 黑体 headings.
    expect(document).toMatch(/<w:spacing w:line="560" w:lineRule="exact"\/><w:ind w:firstLine="640"\/>/);
    expect(document).toMatch(/w:eastAsia="仿宋"[^]*本期培训班/);
    expect(document).toMatch(/w:eastAsia="黑体"[^]*一、基本情况/);
    expect(document).not.toMatch(/w:color w:val="(?!000000)/);
    expect(styles).toMatch(/w:eastAsia="仿宋"/);
    expect(text(document).split('\n')).toEqual(
      expect.arrayContaining(['2019年年轻干部培训班总结', '一、基本情况', '班委', '姓名', '张三', '中共辽源市委党校']),
    );
    expect(footers).toHaveLength(1);
    expect(footers[0]).toMatch(/— <\/w:t>[^]*PAGE[^]*> —<\/w:t>/);
  });

  it('puts a cover on a page of its own with no number, and writes the contents with their page numbers', async () => {
    const { document, footers } = await partsOf({
      title: '学员手册',
      body: 'sihao',
      cover: {
        above: '中共辽源市委党校',
        subtitle: '2019年年轻干部培训班',
        title: '学员手册',
        below: ['2019年9月9日至2019年9月20日'],
      },
      blocks: [
        { kind: 'contents', title: '目　录' },
        { kind: 'chapter', text: '一、开班须知' },
        { kind: 'paragraph', text: '学员应按时报到。' },
        { kind: 'chapter', text: '二、课程安排表' },
        { kind: 'paragraph', text: '见下表。' },
      ],
    });
    // Two sections: the cover's (no footer, no numbering) and the text's, numbered from 1.
    const sections = document.split('</w:sectPr>');
    expect(sections).toHaveLength(3);
    expect(sections[0]).toContain('学员手册');
    expect(sections[0]).not.toContain('w:footerReference');
    expect(sections[1]).toContain('w:footerReference');
    expect(footers).toHaveLength(1);
    // 四号 body, its indent two of its characters.
    expect(document).toMatch(/<w:spacing w:line="480" w:lineRule="exact"\/><w:ind w:firstLine="560"\/>/);
    // The contents: a TOC field over the chapters, with the page each starts on written in.
    expect(document).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-1&quot;/);
    expect(document).toMatch(/一、开班须知[^]*PAGEREF _Toc\d+ \\h<\/w:instrText>[^]*<w:t[^>]*>2</);
    // Each chapter starts a page.
    expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
  });

  it('lists a compilation’s contents written out, each entry with its note', async () => {
    const { document } = await partsOf({
      title: '优秀调研报告汇编',
      body: 'xiaosi',
      cover: { above: '2019年年轻干部培训班', title: '优秀调研报告汇编', below: ['中共辽源市委党校'] },
      blocks: [
        { kind: 'contents', title: '目　录', entries: [{ text: '1. 乡村治理', note: '第一组 张三' }] },
        { kind: 'chapter', text: '乡村治理' },
        { kind: 'byline', text: '第一组 张三' },
        { kind: 'paragraph', text: '正文。' },
      ],
    });
    expect(document).not.toContain('TOC \\h');
    expect(text(document)).toContain('1. 乡村治理　　第一组 张三');
    // 小四, a line and a half.
    expect(document).toMatch(/<w:spacing w:line="360" w:lineRule="auto"\/><w:ind w:firstLine="480"\/>/);
  });
});
