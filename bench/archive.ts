// A class archive (一班一档) of about 200 MB imported through the core host, as the app does it: read,
// checked and inflated in the parser worker, previewed, then imported; with this process standing for
// Electron's main process, whose event loop is watched throughout. Then the same import cancelled
// while the package is being inflated: how long from 取消 to the job's end, and where it landed.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { zipSync, type Zippable } from 'fflate';
import type { Channel } from '../shared/contract';
import type { CoreEvent, JobProgress } from '../shared/events';
import type { ArchivePreview } from '../shared/lifecycle/archive';
import type { Result } from '../shared/result';
import { chromiumPlatform } from '../electron/cli/chromium-platform';
import { sha256Of } from '../electron/core/files/store';
import { spawnDevWorker } from '../electron/core/host/dev-worker';
import { startCoreHost } from '../electron/core/host/host';

export type ArchiveFigure = { what: string; ms: number; target?: number; unit?: 'ms' | 'n' };

const encode = (text: string) => new TextEncoder().encode(text);

// Words of the kind these reports are written in, drawn at random (seeded) into each report's text.
const words = (
  '党校 农业 朝阳村 生态农业 乡村振兴 乡村治理 合作社 产业园 基层党建 人才振兴 干部 培训 调研 群众 发展 村集体 ' +
  '经济 收入 梅花鹿 水稻 种植 养殖 冷链 物流 电商 旅游 文化 生态 环境 治理 服务 组织 党员 支部 书记 政策 资金'
).split(' ');

const seeded = (seed: number) => {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
};

const paragraphsOf = (random: () => number, count: number, length: number) =>
  Array.from({ length: count }, () =>
    Array.from({ length: Math.ceil(length / 3) }, () => words[Math.floor(random() * words.length)] ?? '').join(''),
  );

// A report as a scanner or a phone makes one: a page of text over a photo. The photo's bytes are
// what a JPEG's are to a zip — incompressible — and the text is what pdf.js reads.
const scannedPdf = (title: string, lines: readonly string[], photoBytes: number): Uint8Array => {
  const text = ['BT /F1 11 Tf 60 760 Td 14 TL', `(${title}) Tj`, ...lines.map((line) => `T* (${line}) Tj`), 'ET'].join('\n');
  const content = `q 480 0 0 360 60 300 cm /Im1 Do Q\n${text}`;
  const photo = randomBytes(photoBytes);
  const objects: (string | [string, Uint8Array])[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    [
      `<< /Type /XObject /Subtype /Image /Width 800 /Height 600 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${photo.length} >>\nstream\n`,
      photo,
    ],
  ];
  const parts: Uint8Array[] = [encode('%PDF-1.4\n')];
  let length = parts[0]?.length ?? 0;
  const add = (bytes: Uint8Array) => {
    parts.push(bytes);
    length += bytes.length;
  };
  const offsets = objects.map((body, index) => {
    const at = length;
    if (typeof body === 'string') add(encode(`${index + 1} 0 obj\n${body}\nendobj\n`));
    else {
      add(encode(`${index + 1} 0 obj\n${body[0]}`));
      add(body[1]);
      add(encode('\nendstream\nendobj\n'));
    }
    return at;
  });
  const xref = length;
  add(
    encode(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}` +
        `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const reportDocx = async (paragraphs: readonly string[]) =>
  new Uint8Array(
    await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: paragraphs.map(
              (text) => new Paragraph({ children: [new TextRun({ text, font: { eastAsia: 'SimSun' } })] }),
            ),
          },
        ],
      }),
    ),
  );

const target = { name: '2019年市管干部培训班', code: '2019-002', year: 2019, startDate: '2019-06-03', endDate: '2019-06-14' };

// The package as exportArchive writes one: reports under 调研报告/, stored as they are (a .docx and a
// PDF are compressed already), a manifest.json listing each with its SHA-256, beside the documents
// for people. `pdfs` scanned reports of `photo` bytes each and as many .docx of ~5,000 characters.
const buildPackage = async (path: string, pdfs: number, photo: number): Promise<{ reports: number; bytes: number }> => {
  const random = seeded(20_190_603);
  const files: Zippable = {};
  const reports = [];
  for (let i = 0; i < pdfs * 2; i += 1) {
    const author = `学员${String(i + 1).padStart(3, '0')}`;
    const pdf = i % 2 === 0;
    const bytes = pdf
      ? scannedPdf(
          `Diaoyan baogao ${i + 1}`,
          Array.from({ length: 40 }, (_, n) => `Line ${n + 1} of report ${i + 1}: rural revitalisation in Chaoyang village`),
          photo,
        )
      : await reportDocx([`调研报告之${i + 1}`, ...paragraphsOf(random, 25, 200)]);
    const entry = `调研报告/${author}-调研报告之${i + 1}.${pdf ? 'pdf' : 'docx'}`;
    files[entry] = [bytes, { level: 0 }];
    reports.push({
      topic: '',
      title: `调研报告之${i + 1}`,
      groupNo: (i % 6) + 1,
      authors: [author],
      versions: [
        {
          entry,
          sha256: sha256Of(bytes),
          fileName: `${author}-调研报告.${pdf ? 'pdf' : 'docx'}`,
          format: pdf ? 'pdf' : 'docx',
          submittedAt: new Date(Date.UTC(2019, 5, 12, 1, i % 60)).toISOString(),
        },
      ],
      review:
        i % 10 === 0
          ? { reviewer: '王教授', score: 90, grade: i % 20 === 0 ? 'excellent' : 'good', comments: '', reviewedOn: '2019-06-20' }
          : null,
      publication: null,
      forwardings: [],
    });
  }
  const manifest = { format: 'cadre-class-archive', version: 1, class: target, topics: [], reports };
  files['manifest.json'] = [encode(JSON.stringify(manifest, null, 2)), { level: 6 }];
  files['文件清单.xlsx'] = [randomBytes(40_000), { level: 0 }];
  writeFileSync(path, zipSync(files));
  return { reports: reports.length, bytes: statSync(path).size };
};

type Call = <C extends Channel>(channel: C, input: unknown) => Promise<Result<unknown>>;

const must = <T>(what: string, result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.value as T;
};

export const archiveFigures = async (): Promise<ArchiveFigure[]> => {
  const root = mkdtempSync(join(tmpdir(), 'cadre-bench-archive-'));
  try {
    const zip = join(root, '2019年市管干部培训班档案包.zip');
    const started = performance.now();
    const built = await buildPackage(zip, Number(process.env['CADRE_BENCH_ARCHIVE_PDFS'] ?? 250), 820_000);
    console.error(
      `archive bench: package of ${(built.bytes / 1024 / 1024).toFixed(0)} MB built in ${Math.round(performance.now() - started)} ms`,
    );
    const warm = join(root, 'warm.zip');
    await buildPackage(warm, 3, 10_000);

    const events: CoreEvent[] = [];
    let onEvent: (event: JobProgress) => void = () => undefined;
    let nextChoice = '';
    const host = startCoreHost({
      spawn: spawnDevWorker({ dataDir: join(root, 'data') }),
      platform: { ...chromiumPlatform(), chooseOpenFile: async () => nextChoice },
      emit: (event) => {
        events.push(event);
        onEvent(event);
      },
    });
    const ready = await host.ready();
    if (!ready.ok) throw new Error(ready.error.message);
    const call: Call = (channel, input) => host.call(channel, input);
    const grantOf = async (path: string) => {
      nextChoice = path;
      return must<{ grant: string }>('choose', await call('files.chooseOpen', { purpose: 'archiveImport' })).grant;
    };
    try {
      // The parser worker and the core's code warmed on a small package, as any first use of a session.
      const warmGrant = await grantOf(warm);
      must<ArchivePreview>('warm-up', await call('lifecycle.archivePreview', { grant: warmGrant }));

      // 取消, pressed while the import inflates the package: once a quarter of its entries are read.
      const grant = await grantOf(zip);
      const first = must<ArchivePreview>('preview', await call('lifecycle.archivePreview', { grant, jobId: 'preview-0' }));
      let pressed = 0;
      let pressedAt: JobProgress | undefined;
      onEvent = (event) => {
        const inflating = event.phase === 'read' && event.done >= event.total / 4 && event.done < event.total;
        if (pressed > 0 || event.jobId !== 'import-cancelled' || !inflating) return;
        pressed = performance.now();
        pressedAt = event;
        void call('jobs.cancel', { jobId: 'import-cancelled' });
      };
      const cancelled = await call('lifecycle.archiveImport', { grant, token: first.token, jobId: 'import-cancelled' });
      const stopped = performance.now() - pressed;
      onEvent = () => undefined;
      const seen = events.filter((event) => event.jobId === 'import-cancelled');
      const last = seen.at(-1);
      // The bench holds itself to what it claims: the cancel landed while the package was inflated.
      if (cancelled.ok || cancelled.error.code !== 'CANCELLED') throw new Error('the import was not cancelled');
      if (!pressedAt || last?.phase !== 'read' || last.done >= last.total)
        throw new Error(`the cancel did not land while inflating (last progress: ${JSON.stringify(last)})`);
      const classes = must<{ items: unknown[] }>('classes', await call('classes.list', {}));
      if (classes.items.length > 0) throw new Error('a cancelled import left a class behind');

      // The whole import, watched from this process.
      // When the preview's extracting began and ended, as its progress tells it: the share of the
      // preview that an import would repeat if the preview kept no text (keptCharacters).
      const extracting: number[] = [];
      onEvent = (event) => {
        if (event.jobId === 'preview-1' && event.phase === 'extract') extracting.push(performance.now());
      };
      const delay = monitorEventLoopDelay({ resolution: 1 });
      let peakRss = 0;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }, 100);
      const rssBefore = process.memoryUsage().rss;
      delay.enable();
      let start = performance.now();
      const preview = must<ArchivePreview>('preview', await call('lifecycle.archivePreview', { grant, jobId: 'preview-1' }));
      const previewed = performance.now() - start;
      const characters = preview.reports.reduce(
        (sum, report) => sum + report.versions.reduce((chars, version) => chars + version.chars, 0),
        0,
      );
      start = performance.now();
      const imported = must<{ reports: number; versions: number }>(
        'import',
        await call('lifecycle.archiveImport', { grant, token: preview.token, jobId: 'import-1' }),
      );
      const importing = performance.now() - start;
      delay.disable();
      clearInterval(sampler);
      if (imported.reports !== built.reports) throw new Error(`imported ${imported.reports} of ${built.reports} reports`);
      const megabytes = (built.bytes / 1024 / 1024).toFixed(0);
      return [
        {
          what: `archive package of ${megabytes} MB (${built.reports} reports: scanned PDFs and .docx, stored)`,
          ms: built.bytes / 1024 / 1024,
          unit: 'n',
        },
        {
          what: `archive preview through the core host: read (hashed as read), inflate, check, extract ${built.reports} texts`,
          ms: previewed,
        },
        {
          what: `of which extracting the ${built.reports} texts in the parser worker`,
          ms: (extracting.at(-1) ?? 0) - (extracting[0] ?? 0),
        },
        {
          // What the preview keeps for the import (keptCharacters, archive-import.ts): all of it, here.
          what: 'characters of text in the package, extracted at the preview (kept for the import up to 8,388,608)',
          ms: characters,
          unit: 'n',
        },
        { what: 'archive import through the core host: read again, store the files, index', ms: importing },
        {
          what: `main event loop during the ${megabytes} MB archive preview and import: max delay`,
          ms: delay.max / 1e6,
          target: 50,
        },
        {
          what: `main event loop during the ${megabytes} MB archive preview and import: p99 delay`,
          ms: delay.percentile(99) / 1e6,
          target: 20,
        },
        {
          what: 'process memory during the archive import: peak RSS above the start (MB)',
          ms: (peakRss - rssBefore) / 1024 / 1024,
          unit: 'n',
        },
        {
          what: `archive import cancelled while inflating (${pressedAt.phase} ${pressedAt.done}/${pressedAt.total} entries; ended in ${last.phase} ${last.done}/${last.total}): 取消 to the job's end`,
          ms: stopped,
          target: 1000,
        },
      ];
    } finally {
      await host.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
};
