import { describe, expect, it } from 'vitest';
import { splitUnitPosition, unitAlone } from './unit-position';

// How a 工作单位及职务 cell is read: the unit first, the post after it, as a Liaoyuan office writes them.
describe('splitting 工作单位及职务', () => {
  it.each([
    ['东丰县委组织部副部长', '东丰县委组织部', '副部长'],
    ['龙山区人民政府办公室主任', '龙山区人民政府办公室', '主任'],
    ['辽源市财政局预算科科长', '辽源市财政局', '预算科科长'],
    ['西安区灯塔镇党委副书记、镇长', '西安区灯塔镇', '党委副书记、镇长'],
    ['东辽县安石镇人民政府四级主任科员', '东辽县安石镇人民政府', '四级主任科员'],
    ['县委组织部干部科科长', '县委组织部', '干部科科长'],
    ['辽源市财政局党组成员、副局长', '辽源市财政局', '党组成员、副局长'],
    ['辽源市财政局副局长兼办公室主任', '辽源市财政局', '副局长兼办公室主任'],
    ['东辽县安石镇朝阳村党支部书记、村委会主任', '东辽县安石镇朝阳村', '党支部书记、村委会主任'],
    ['东辽县安石镇党委书记、人大主席', '东辽县安石镇', '党委书记、人大主席'],
    ['龙山区向阳街道办事处主任', '龙山区向阳街道办事处', '主任'],
    ['东丰县人大常委会办公室主任', '东丰县人大常委会办公室', '主任'],
    ['东丰县水利局办公室主任', '东丰县水利局', '办公室主任'],
    ['辽源市委党校教务处处长', '辽源市委党校', '教务处处长'],
    ['东辽县农业农村局（乡村振兴局）副局长', '东辽县农业农村局（乡村振兴局）', '副局长'],
    ['辽源市财政局副局长（正科级）', '辽源市财政局', '副局长（正科级）'],
    ['辽源矿业集团有限责任公司总经理', '辽源矿业集团有限责任公司', '总经理'],
    ['辽源市总工会副主席', '辽源市总工会', '副主席'],
    ['东辽县第一中学教师', '东辽县第一中学', '教师'],
    // A body after a bare place name is the unit: the county's 纪委, not a post of the county.
    ['东丰县纪委副书记', '东丰县纪委', '副书记'],
    // What people type between them: a space (full-width too), a slash.
    ['东丰县委组织部 联络员', '东丰县委组织部', '联络员'],
    ['东辽县安石镇人民政府　副镇长', '东辽县安石镇人民政府', '副镇长'],
    ['辽源市财政局/预算科科长', '辽源市财政局', '预算科科长'],
    // No post: a name that ends as units' names do is the unit alone.
    ['辽源市中心医院', '辽源市中心医院', ''],
    ['西安区 灯塔镇', '西安区 灯塔镇', ''],
  ])('%s → %s | %s', (text, unit, position) => {
    expect(splitUnitPosition(text)).toEqual({ unit, position, sure: true });
  });

  it('keeps the whole text as the unit, not sure, when neither a post word nor a known unit tells', () => {
    for (const text of ['辽源市龙山区东盛街道联络员', '某单位', '副局长', '东丰县委组织部、联络员'])
      expect(splitUnitPosition(text)).toEqual({ unit: text, position: '', sure: false });
  });

  it('tries the units it knows first, longest first, when the post is no listed word', () => {
    const known = new Set(['东丰县委组织部', '东丰县委', '辽源市财政局']);
    expect(splitUnitPosition('东丰县委组织部联络员', known)).toEqual({ unit: '东丰县委组织部', position: '联络员', sure: true });
    expect(splitUnitPosition('辽源市财政局预算科联络员', known)).toEqual({
      unit: '辽源市财政局',
      position: '预算科联络员',
      sure: true,
    });
    // A known unit that only begins a longer one does not cut it.
    expect(splitUnitPosition('辽源市财政局国库支付中心', known)).toEqual({
      unit: '辽源市财政局国库支付中心',
      position: '',
      sure: true,
    });
    expect(splitUnitPosition('东丰县委组织部', known)).toEqual({ unit: '东丰县委组织部', position: '', sure: true });
  });

  it('reads a stored unit with a post after it as the unit alone, and leaves real units whole', () => {
    expect(unitAlone('东辽县发展和改革局副局长')).toBe('东辽县发展和改革局');
    expect(unitAlone('中共辽源市委组织部')).toBe('中共辽源市委组织部');
    expect(unitAlone('科长')).toBe('科长');
    expect(unitAlone(' 辽源市财政局 ')).toBe('辽源市财政局');
  });
  // A crafted roster repeats one long shared string in every row's 工作单位及职务: each cell is split
  // (and split again with the units the file names), so the split must not grow with the square of
  // the cell. Before the fix every prefix of the cell was looked up among the known units: ~0.4 s a
  // cell of 16,000 characters, minutes for a file of such rows.
  it('splits long hostile cells, sure of nothing it cannot know (their time is in the bench)', () => {
    const known = new Set(['东丰县委组织部', '东'.repeat(16_000), '东'.repeat(99)]);
    const cells = Array.from({ length: 40 }, (_, at) => `${'西'.repeat(16_000)}${at}`);
    // Timed in `npm run bench -- hostile-text`, beside ordinary cells of the same characters.
    for (const cell of cells) expect(splitUnitPosition(cell, known).sure).toBe(false);
    // Units the school knows still cut a cell that begins with them.
    expect(splitUnitPosition(`${'东'.repeat(99)}联络员`, known)).toEqual({
      unit: '东'.repeat(99),
      position: '联络员',
      sure: true,
    });
  });
  // A unit saved short (an abbreviation typed for one trainee: 东丰, 辽源市) is a known unit too: it
  // must not cut every longer unit that begins with it and pass the rest off, sure, as the post.
  it('does not take a short known unit for the whole unit when the rest names a unit of its own', () => {
    const known = new Set(['东丰', '辽源市']);
    for (const text of ['东丰县委组织部联络员', '辽源市财政局国库科联络员']) {
      const split = splitUnitPosition(text, known);
      expect(split.unit === '东丰' || split.unit === '辽源市', `${text} → ${split.unit}`).toBe(false);
    }
    expect(splitUnitPosition('东丰联络员', known)).toEqual({ unit: '东丰', position: '联络员', sure: true });
  });
});
