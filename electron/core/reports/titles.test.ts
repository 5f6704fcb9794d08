import { describe, expect, it } from 'vitest';
import type { Enrolled } from './service';
import { matchFileName } from './stage';
import { fileNameTitle, isBoilerplate, proposedTitle, textTitle } from './titles';

const people: Enrolled[] = ['张伟', '王芳', '刘洋', '吴刚', '王明华', '李娜'].map((name, index) => ({
  enrolmentId: index + 1,
  name,
  unit: '',
  group: (index % 2) + 1,
}));

// The title staging proposes for a file of this name holding this text.
const titleFor = (stem: string, text = '') => {
  const match = matchFileName(stem, people);
  return proposedTitle({ text, rest: match.rest, named: match.by !== 'none' });
};

const body = ['关于朝阳村发展生态农业的调研报告', '辽源市委党校年轻干部培训班', '近年来，朝阳村依托产业园发展特色农业。'].join(
  '\n',
);

describe('a report’s title from its file name', () => {
  it('takes the title beside the author’s name, in every way trainees write it', () => {
    expect(titleFor('张伟-高测股份调研报告', body)).toBe('高测股份调研报告');
    expect(titleFor('王芳_乡村治理调研', body)).toBe('乡村治理调研');
    expect(titleFor('刘洋 读书报告', body)).toBe('读书报告');
    expect(titleFor('吴刚（提示工程简介）', body)).toBe('提示工程简介');
    expect(titleFor('吴刚(提示工程简介)', body)).toBe('提示工程简介');
    expect(titleFor('李娜《乡村振兴战略规划》', body)).toBe('乡村振兴战略规划');
    expect(titleFor('第二组-党建引领乡村治理', body)).toBe('党建引领乡村治理');
    expect(titleFor('第2组_党建引领乡村治理', body)).toBe('党建引领乡村治理');
    // The name after the title, or among other marks people put in a name.
    expect(titleFor('高测股份调研报告-张伟', body)).toBe('高测股份调研报告');
    expect(titleFor('01-张伟-高测股份调研报告', body)).toBe('高测股份调研报告');
    expect(titleFor('张伟-高测股份调研报告（终稿）', body)).toBe('高测股份调研报告');
    expect(titleFor('张伟-高测股份调研报告(1)', body)).toBe('高测股份调研报告');
    expect(titleFor('张伟-高测股份调研报告20190915', body)).toBe('高测股份调研报告');
    expect(titleFor('张伟、王芳-冷链物流调研', body)).toBe('冷链物流调研');
    expect(titleFor('张伟 王芳 冷链物流调研', body)).toBe('冷链物流调研');
    // 王明华 is not 王明, and a title's own dashes stay.
    expect(titleFor('王明华-乡村振兴——以朝阳村为例', body)).toBe('乡村振兴——以朝阳村为例');
    // Full-width letters and digits, as the name was typed.
    expect(titleFor('张伟-５Ｇ基站建设调研', body)).toBe('5G基站建设调研');
  });

  it('reads the document when the name says only who wrote it, or names nobody', () => {
    expect(titleFor('张伟', body)).toBe('关于朝阳村发展生态农业的调研报告');
    expect(titleFor('张伟-调研报告', body)).toBe('关于朝阳村发展生态农业的调研报告');
    expect(titleFor('张伟-调研报告-终稿', body)).toBe('关于朝阳村发展生态农业的调研报告');
    expect(titleFor('第一组调研报告（修改稿）', body)).toBe('关于朝阳村发展生态农业的调研报告');
    // Nobody named: the document says better than a name nobody recognised.
    expect(titleFor('无名稿', body)).toBe('关于朝阳村发展生态农业的调研报告');
    // Nothing to read (a scan): what the name says, if anything.
    expect(titleFor('乡村振兴调研报告', '')).toBe('乡村振兴调研报告');
    expect(titleFor('张伟-调研报告', '')).toBe('');
    expect(fileNameTitle('  -- 调研报告 终稿 ')).toBe('');
  });
});

describe('a report’s title from its text', () => {
  it('skips the boilerplate real documents begin with', () => {
    // A broker's report: the disclaimer printed on every page comes out first.
    expect(
      textTitle(
        ['请务必阅读正文之后的信息披露和法律声明', '证券研究报告', '高测股份（688556）：光伏切割设备龙头', '投资要点'].join('\n'),
      ),
    ).toBe('高测股份（688556）：光伏切割设备龙头');
    // A PDF whose font had no Unicode map, or a line decoded in the wrong encoding.
    expect(textTitle(['\ufffd本\ufffd:1.9.9', 'Ã¥Â¤Â§Ã¦Â¨Â¡Ã¥Å¾Â‹', '锟斤拷锟斤拷', '乡村治理的朝阳村实践'].join('\n'))).toBe(
      '乡村治理的朝阳村实践',
    );
    // Page headers, a label, a date, a note in brackets, a sentence, a line too long to be a title.
    expect(
      textTitle(
        [
          '第 1 页 共 12 页',
          '- 1 -',
          '密级：内部',
          '附件2',
          '2019年9月20日',
          '（本稿完成日期：2023年3月9日）',
          '近年来朝阳村发展很快。',
          '朝阳村位于辽源市东辽县安石镇，全村共有农户三百二十户，耕地面积四千二百亩，近年来依托辽河源现代生态农业产业园发展梅花鹿养殖和有机水稻种植',
          '朝阳村特色种植的调查与思考',
        ].join('\n'),
      ),
    ).toBe('朝阳村特色种植的调查与思考');
    expect(textTitle('ICS 27.120.99\nF69\nNB\nPart 1: General Requirements')).toBeUndefined();
    expect(textTitle('')).toBeUndefined();
  });

  it('joins a title broken over lines, and only such a title', () => {
    expect(textTitle('民用航空发动机状态监视\n和故障诊断系统研究\n北京航空航天大学')).toBe(
      '民用航空发动机状态监视和故障诊断系统研究',
    );
    expect(textTitle('乡村人才振兴的路径研究\n\n——以辽源市为例\n\n摘要')).toBe('乡村人才振兴的路径研究——以辽源市为例');
    expect(textTitle('核电厂定期安全评价\n\n第1部分：通用要求\n\nPreparation of')).toBe('核电厂定期安全评价 第1部分：通用要求');
    expect(textTitle('第二组关于乡村治理的调研报告\n辽源市委党校年轻干部培训班')).toBe('第二组关于乡村治理的调研报告');
  });

  it('shows the title in ordinary characters, whatever the PDF’s font called them', () => {
    expect(textTitle('个\u2f08知识库助\u2f3f在党校教学中的应\u2f64')).toBe('个人知识库助手在党校教学中的应用');
    expect(titleFor('张伟-个\u2f08知识库助\u2f3f调研')).toBe('个人知识库助手调研');
  });

  it('knows a stored title that came from boilerplate from one a person wrote', () => {
    for (const old of [
      'ICS 27.120.99',
      '第 9 卷第 4 期航空动力学报 V o l19 N o 14',
      '请务必阅读正文之后的信息披露和法律声明',
      '\ufffd本\ufffd:1.9.9',
    ])
      expect(isBoilerplate(old), old).toBe(true);
    for (const title of ['高测股份调研报告', '乡村治理', 'AI在党校教学中的应用', '关于朝阳村发展生态农业的调研报告'])
      expect(isBoilerplate(title), title).toBe(false);
  });
});
