// The research report archive: search over ten years of reports (10,000 of about 5,000 Chinese
// characters), beside a LIKE scan and a plain trigram index over the same texts, the index's size,
// and an upload of 100 .docx through the core host with main's event loop watched.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { chromiumPlatform } from '../electron/cli/chromium-platform';
import { statement } from '../electron/core/db/statements';
import { spawnDevWorker } from '../electron/core/host/dev-worker';
import { startCoreHost } from '../electron/core/host/host';
import { openCore } from '../electron/core/open';
import { searchReports } from '../electron/core/reports/search';
import { createReport } from '../electron/core/reports/authors';
import { addVersion, reindexReports } from '../electron/core/reports/versions';
import { value } from '../electron/core/testing/expect-result';
import { writeReportDocx } from '../electron/core/testing/report-files';
import { standardRoster } from '../electron/core/testing/roster-files';

export type ReportFigure = { what: string; ms: number; target?: number; unit?: 'ms' | '×' | 'n' };

// Words of the kind these reports are written in; the texts are drawn from them at random (seeded),
// so that common words (农业) stand in nearly every report and rarer ones in a few.
const words = (
  '党校 农业 朝阳村 生态农业 乡村振兴 乡村治理 合作社 产业园 基层党建 人才振兴 干部 培训 调研 群众 发展 ' +
  '村集体 经济 收入 梅花鹿 水稻 种植 养殖 冷链 物流 电商 旅游 文化 生态 环境 治理 服务 组织 党员 支部 书记 ' +
  '政策 资金 项目 土地 流转 规模 经营 品牌 市场 销售 技术 培训班 学员 课程 现场教学 四同 同吃 同住 同学习 ' +
  '同劳动 农户 村民 村委会 镇政府 县委 市委 调查 问卷 访谈 数据 问题 对策 建议 措施 机制 体系 能力 水平 ' +
  '创新 改革 示范 引领 带动 增收 致富 脱贫 巩固 成果 衔接 基础设施 公共服务 教育 医疗 养老 就业 创业 返乡 ' +
  '青年 妇女 老人 儿童 留守 安全 稳定 矛盾 纠纷 调解 法治 德治 自治 网格 数字 平台 信息化 智慧 农机 灌溉'
).split(' ');
const marks = ['，', '，', '，', '。', '；', '、'];

const seeded = (seed: number) => {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
};

const reportOf = (random: () => number, chars: number): string => {
  const out: string[] = [];
  let length = 0;
  while (length < chars) {
    const word = words[Math.floor(random() ** 1.6 * words.length)] ?? '';
    const mark = random() < 0.25 ? (marks[Math.floor(random() * marks.length)] ?? '') : '';
    out.push(word, mark);
    length += word.length + mark.length;
    if (random() < 0.01) out.push(`${2010 + Math.floor(random() * 15)}年`, random() < 0.3 ? 'GDP' : '');
    if (random() < 0.02) out.push('\n');
  }
  return out.join('');
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const timed = (run: () => unknown, times: number) =>
  median(
    Array.from({ length: times }, () => {
      const start = performance.now();
      run();
      return performance.now() - start;
    }),
  );

const searchFigures = async (root: string): Promise<ReportFigure[]> => {
  const figures: ReportFigure[] = [];
  const opened = openCore({ dataDir: join(root, 'search') });
  const { core } = opened;
  try {
    const classId = value(
      await opened.router.call('classes.create', {
        category: '主体班',
        name: '2019年年轻干部培训班',
        startDate: '2019-09-09',
        endDate: '2019-09-20',
      }),
    ).id;
    const random = seeded(20_190_909);
    const count = Number(process.env['CADRE_BENCH_REPORTS'] ?? 10_000);
    // One stored file for all: the store keeps a file once whatever its name, and the search reads
    // only the texts. The texts are generated apart from the indexing, which is what is timed.
    // One report in a hundred tells of the deer farm: a phrase that stands in few texts.
    const texts = Array.from({ length: count }, (_, i) =>
      i % 100 === 7 ? `朝阳村梅花鹿养殖合作社${reportOf(random, 4990)}` : reportOf(random, 5000),
    );
    const bytes = Buffer.from('report');
    const before = statSync(core.databaseFile).size;
    const start = performance.now();
    for (let from = 0; from < count; from += 500)
      core.db.transaction(() => {
        const made: number[] = [];
        for (let i = from; i < Math.min(count, from + 500); i += 1) {
          const id = createReport(core, {
            classId,
            topicId: null,
            title: `调研报告${i + 1}`,
            groupNo: null,
            authors: [{ enrolmentId: null, name: '张三' }],
          });
          const text = texts[i] ?? '';
          addVersion(core, id, bytes, { fileName: `${i + 1}.docx`, format: 'docx', status: 'text', text, chars: text.length });
          made.push(id);
        }
        reindexReports(core, made);
      })();
    const indexMs = performance.now() - start;
    console.error(`reports bench: indexed in ${Math.round(indexMs)} ms`);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const chars = texts.reduce((sum, text) => sum + text.length, 0);
    figures.push({ what: `10,000 reports of ${Math.round(chars / count)} characters stored and indexed (ms)`, ms: indexMs });
    const indexBytes = (() => {
      try {
        return (
          statement<[], { bytes: number }>(
            core.db,
            "SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'report_index%'",
          ).get()?.bytes ?? 0
        );
      } catch {
        return 0;
      }
    })();
    const textBytes =
      statement<[], { bytes: number }>(core.db, "SELECT sum(pgsize) AS bytes FROM dbstat WHERE name = 'report_texts'").get()
        ?.bytes ?? 0;
    figures.push(
      { what: 'search index on disk per report (KB)', ms: indexBytes / count / 1024, unit: 'n' },
      { what: 'stored text on disk per report (KB)', ms: textBytes / count / 1024, unit: 'n' },
      { what: 'database file grew by (MB)', ms: (statSync(core.databaseFile).size - before) / 1024 / 1024, unit: 'n' },
    );

    const queries = ['农业', '党校', '朝阳村', '合作社', '生态农业', '乡村治理', '梅花鹿养殖', 'gdp', '2019'];
    const ours: Record<string, number> = {};
    for (const query of queries) {
      const hits = searchReports(core, query, {}, 20);
      ours[query] = timed(() => searchReports(core, query, {}, 20), 9);
      figures.push({
        what: `search “${query}”: top 20 with passages, of ${hits.total} reports found`,
        ms: ours[query] ?? 0,
        target: 50,
      });
    }
    // What a search without the index would do: read every text.
    const like = (query: string) =>
      statement<[string], { n: number }>(core.db, 'SELECT count(*) AS n FROM report_texts WHERE text LIKE ?').get(`%${query}%`);
    for (const query of ['农业', '生态农业', '梅花鹿养殖']) {
      const ms = timed(() => like(query), 3);
      figures.push({ what: `LIKE '%${query}%' over the same texts (a full scan, no ranking)`, ms });
      figures.push({ what: `  ranked search “${query}” ÷ LIKE scan`, ms: (ours[query] ?? 0) / ms, unit: '×' });
    }
    // FTS5's own trigram tokenizer over the same texts: finds three characters and more, not two.
    const trigramStart = performance.now();
    core.db.exec("CREATE VIRTUAL TABLE bench_trigram USING fts5 (body, tokenize = 'trigram')");
    core.db.exec('INSERT INTO bench_trigram (rowid, body) SELECT version_id, text FROM report_texts');
    figures.push({ what: 'plain trigram index built over the same texts (ms)', ms: performance.now() - trigramStart });
    const trigramBytes =
      statement<[], { bytes: number }>(core.db, "SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'bench_trigram%'").get()
        ?.bytes ?? 0;
    figures.push({ what: 'plain trigram index on disk per report (KB)', ms: trigramBytes / count / 1024, unit: 'n' });
    const trigram = (query: string) =>
      statement<[string], { rowid: number }>(
        core.db,
        'SELECT rowid FROM bench_trigram WHERE bench_trigram MATCH ? ORDER BY rank LIMIT 20',
      ).all(`"${query}"`);
    for (const query of ['朝阳村', '生态农业']) {
      const ms = timed(() => trigram(query), 9);
      figures.push({ what: `plain trigram MATCH “${query}”, top 20 by rank, no passages`, ms });
      figures.push({ what: `  our search “${query}” ÷ trigram MATCH`, ms: (ours[query] ?? 0) / ms, unit: '×' });
    }
    figures.push({ what: `plain trigram MATCH “农业” (two characters): reports found`, ms: trigram('农业').length, unit: 'n' });
  } finally {
    opened.close();
  }
  return figures;
};

// 100 .docx of about 5,000 characters each, named for their authors, uploaded through the core
// host (stage: read and extract in the parser worker; commit: store and index), with this process
// standing for Electron's main process.
const ingestFigures = async (root: string): Promise<ReportFigure[]> => {
  const dir = join(root, 'ingest');
  const folder = join(root, 'docx');
  mkdirSync(folder, { recursive: true });
  const setup = openCore({ dataDir: dir });
  const classId = value(
    await setup.router.call('classes.create', {
      category: '主体班',
      name: '2019年年轻干部培训班',
      startDate: '2019-09-09',
      endDate: '2019-09-20',
    }),
  ).id;
  value(
    await setup.router.call('roster.importCommit', {
      classId,
      grant: setup.core.grants.issue(standardRoster(root, 100), 'rosterImport'),
    }),
  );
  const board = value(await setup.router.call('reports.board', { classId })).rows;
  const names = board.map((row) => row.name);
  const enrolments = board.map((row) => row.enrolmentId);
  setup.close();
  const random = seeded(7);
  for (const [i, name] of names.entries())
    await writeReportDocx(join(folder, `${String(i + 1).padStart(3, '0')}-${name}-调研报告.docx`), [
      `调研报告${i + 1}`,
      ...reportOf(random, 5000).split('\n'),
    ]);
  const host = startCoreHost({
    spawn: spawnDevWorker({ dataDir: dir }),
    platform: { ...chromiumPlatform(), chooseFolder: async () => folder },
    emit: () => undefined,
  });
  const ready = await host.ready();
  if (!ready.ok) throw new Error(ready.error.message);
  try {
    // A warm-up of the parser worker and the core's code, on one file.
    const delay = monitorEventLoopDelay({ resolution: 1 });
    const chosen = await host.call('files.chooseFolder', { purpose: 'reportFolder' });
    if (!chosen.ok || !chosen.value.grant) throw new Error('no folder');
    delay.enable();
    const start = performance.now();
    const staged = await host.call('reports.stage', { classId, folder: chosen.value.grant });
    if (!staged.ok) throw new Error(staged.error.message);
    const staging = performance.now() - start;
    // The generated roster repeats names (two 王伟 are not told apart by a file name): those files
    // get their authors as the confirmation table gives them.
    const items = staged.value.files.map(({ key, enrolmentIds, groupNo, topicId, title }, index) => ({
      key,
      enrolmentIds: enrolmentIds.length > 0 ? enrolmentIds : [enrolments[index] ?? 0],
      groupNo,
      topicId,
      title,
    }));
    const committed = await host.call('reports.commit', { classId, token: staged.value.token, items });
    if (!committed.ok) throw new Error(committed.error.message);
    const total = performance.now() - start;
    delay.disable();
    return [
      { what: `upload of ${items.length} .docx through the core host: read and extract (ms)`, ms: staging },
      { what: `upload of ${items.length} .docx through the core host: store and index (ms)`, ms: total - staging },
      { what: `upload of ${items.length} .docx, extracted and indexed, in all (ms)`, ms: total, target: 10_000 },
      { what: 'main event loop during the upload: max delay', ms: delay.max / 1e6, target: 50 },
      { what: 'main event loop during the upload: p99 delay', ms: delay.percentile(99) / 1e6, target: 20 },
    ];
  } finally {
    await host.close();
  }
};

export const reportFigures = async (): Promise<ReportFigure[]> => {
  const root = mkdtempSync(join(tmpdir(), 'cadre-bench-reports-'));
  try {
    return [...(await searchFigures(root)), ...(await ingestFigures(root))];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
};
