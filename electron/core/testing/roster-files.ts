import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { checkCharOf } from '../../../shared/idcard';

// Real roster files, made the way administrators receive them, for the import tests and the e2e test.

// A valid 身份证号 from Liaoyuan's 龙山区 (220402) for a birth date and a sequence (odd = male).
export const idNumber = (birth: string, sequence: number): string => {
  const first17 = `220402${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharOf(first17);
};

export type Person = {
  name: string;
  sex: '男' | '女';
  ethnicity: string;
  birth: string;
  unit: string;
  position: string;
  phone: string;
  political: string;
  education: string;
};

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '曾',
  '单',
  '解',
  '仇',
  '区',
  '朴',
  '欧阳',
  '丁',
  '于',
  '石',
];
const given = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '志强',
  '海燕',
  '丽华',
  '国庆',
  '红梅',
  '晓东',
];
const units = [
  '辽源市龙山区人民政府',
  '辽源市西安区农业农村局',
  '东辽县安石镇人民政府',
  '东丰县大阳镇人民政府',
  '辽源市发展和改革委员会',
  '辽源市农业农村局',
  '辽源市财政局',
  '东辽县白泉镇人民政府',
  '辽源市自然资源局',
  '辽源市生态环境局',
];
const positions = ['副镇长', '科长', '副局长', '党委委员', '主任科员', '副主任', '镇长', '办公室主任'];
const political = ['中共党员', '中共党员', '中共党员', '中共预备党员', '群众'];
const education = ['大学本科', '研究生', '大学本科', '大学专科'];
const ethnicities = ['汉族', '汉族', '汉族', '满族', '朝鲜族', '蒙古族'];

// Deterministic people: person n is always the same.
export const person = (n: number): Person => {
  const year = 1970 + (n % 20);
  const month = (n % 12) + 1;
  const day = (n % 27) + 1;
  return {
    name: `${surnames[n % surnames.length]}${given[(n * 7) % given.length]}${n >= 900 ? given[n % 7] : ''}`,
    sex: n % 3 === 0 ? '女' : '男',
    ethnicity: ethnicities[n % ethnicities.length] ?? '汉族',
    birth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    unit: units[n % units.length] ?? '',
    position: positions[n % positions.length] ?? '',
    phone: `139${String(43100000 + n * 37).padStart(8, '0')}`,
    political: political[n % political.length] ?? '',
    education: education[n % education.length] ?? '',
  };
};

export const idOf = (p: Person, n: number) => idNumber(p.birth, (n % 400) * 2 + (p.sex === '男' ? 1 : 2));

type Row = (string | number | null)[];

export const header = [
  '序号',
  '姓名',
  '性别',
  '民族',
  '出生年月',
  '身份证号',
  '工作单位',
  '职务',
  '政治面貌',
  '学历',
  '联系电话',
];

export const plainRows = (count: number, from = 0): Row[] =>
  Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const p = person(n);
    return [
      i + 1,
      p.name,
      p.sex,
      p.ethnicity,
      p.birth.slice(0, 7).replace('-', '.'),
      idOf(p, n),
      p.unit,
      p.position,
      p.political,
      p.education,
      p.phone,
    ];
  });

const sheetOf = (rows: Row[], merges: XLSX.Range[] = []) => {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  if (merges.length > 0) sheet['!merges'] = merges;
  return sheet;
};

const bookOf = (sheets: Record<string, XLSX.WorkSheet>) => {
  const book = XLSX.utils.book_new();
  for (const [name, sheet] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, sheet, name);
  return book;
};

export const writeBook = (path: string, rows: Row[], bookType: XLSX.BookType = 'xlsx', merges: XLSX.Range[] = []) => {
  writeFileSync(path, XLSX.write(bookOf({ 学员名册: sheetOf(rows, merges) }), { type: 'buffer', bookType }));
  return path;
};

// Digits and letters as a Chinese input method types them in full-width mode.
export const fullWidth = (text: string) => text.replace(/[0-9A-Z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

// The list as the organisation department sends it: a title and a subtitle above the header
// (merged across), a header in other words, 序号, a blank row, padded names, a 合计 line,
// birth dates in three spellings, phone numbers stored as numbers, and a unit merged down two rows.
export const messyRoster = (dir: string, bookType: XLSX.BookType = 'xlsx', extension: string = bookType) => {
  const people = [0, 1, 2, 3, 4, 5].map(person);
  const rows: Row[] = [
    ['2019年市管干部培训班学员名册'],
    ['报送单位：中共辽源市委组织部　　　　2019年5月20日'],
    [
      '序号',
      '姓 名',
      '性别',
      '民族',
      '出生日期',
      '公民身份号码',
      '工作单位及职务',
      '职务',
      '政治面貌',
      '文化程度',
      '手机',
      '年龄',
    ],
    [
      1,
      '张　三',
      '男',
      '汉族',
      '1980.05',
      idNumber('1980-05-06', 123),
      '辽源市龙山区人民政府',
      '副区长',
      '中共党员',
      '研究生',
      13943100001,
      '39岁',
    ],
    [
      2,
      ` ${people[1]?.name} `,
      '女',
      '满族',
      '1982年3月',
      idNumber('1982-03-15', 246),
      '东辽县安石镇人民政府',
      '副镇长',
      '中共党员',
      '大学本科',
      '13943100002',
      '37 岁',
    ],
    [],
    [
      3,
      people[2]?.name ?? '',
      '男',
      // Typed bare, as people do: stored as 汉族.
      '汉',
      29221,
      idNumber('1980-01-01', 135),
      '东辽县安石镇人民政府',
      '党委委员',
      '中共党员',
      '大学本科',
      13943100003,
      '约39岁',
    ],
    [
      4,
      people[3]?.name ?? '',
      '男',
      '汉族',
      '1979.10',
      fullWidth(idNumber('1979-10-01', 151)),
      null,
      '科长',
      '群众',
      '大学本科',
      '0437-3210000',
      '40岁',
    ],
    [
      5,
      people[4]?.name ?? '',
      '男',
      '汉族',
      '1985-07',
      2.20402198507011e17,
      '辽源市农业农村局',
      '科长',
      '中共党员',
      '大学本科',
      13943100005,
      '34岁',
    ],
    [
      6,
      '单田芳',
      '男',
      '汉族',
      '1976.02',
      idNumber('1976-02-08', 111),
      '辽源市发展和改革委员会',
      '副主任',
      '中共党员',
      '大学本科',
      13943100006,
      '４３岁',
    ],
    ['合计', '6人'],
  ];
  const merges: XLSX.Range[] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 10 } },
    { s: { r: 1, c: 0 }, e: { r: 1, c: 10 } },
    // 工作单位 of sheet rows 7 and 8: one merged cell down two rows.
    { s: { r: 6, c: 6 }, e: { r: 7, c: 6 } },
  ];
  const path = join(dir, `名册.${extension}`);
  writeFileSync(path, XLSX.write(bookOf({ 学员名册: sheetOf(rows, merges) }), { type: 'buffer', bookType }));
  return path;
};

export const csvText = (rows: Row[]) =>
  rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))).join(',')).join('\r\n');

export const writeCsv = (path: string, rows: Row[], encoding: 'utf8' | 'utf8bom' | 'gbk') => {
  const text = csvText(rows);
  const bytes =
    encoding === 'gbk'
      ? iconv.encode(text, 'gbk')
      : encoding === 'utf8bom'
        ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
        : Buffer.from(text);
  writeFileSync(path, bytes);
  return path;
};

export const standardRoster = (dir: string, count: number, name = `roster-${count}.xlsx`, from = 0) =>
  writeBook(join(dir, name), [header, ...plainRows(count, from)]);

// A real zip whose one part inflates to 250 MB of zeros (in 250 KB), and says so. Made once: packing
// takes a second or two.
let bomb: Uint8Array | undefined;
const bombBytes = () =>
  (bomb ??= zipSync({
    '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
    'xl/worksheets/sheet1.xml': [new Uint8Array(250 * 1024 * 1024), { level: 6 }],
  }));

export const zipBomb = (path: string) => {
  writeFileSync(path, bombBytes());
  return path;
};

// The same zip, its headers claiming that every part inflates to 0 bytes (local headers and central
// directory alike): a reader that believes the declared sizes lets it through.
export const lyingZipBomb = (path: string) => {
  const bytes = bombBytes().slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + 4 <= bytes.length; at += 1) {
    const signature = view.getUint32(at, true);
    // Uncompressed size: at 22 in a local header, at 24 in a central directory record.
    if (signature === 0x04034b50) view.setUint32(at + 22, 0, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, 0, true);
  }
  writeFileSync(path, bytes);
  return path;
};
