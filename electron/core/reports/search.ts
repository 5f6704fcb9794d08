import type { ReportFilter, ReportRow, SearchResult } from '../../../shared/reports/schemas';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { filterSql, listReports, reportRowsByIds } from './rows';
import { matchExpression, queryTerms, snippetOf } from '../../../shared/text/search-tokens';
import { versionText } from './versions';

// The archive's search: any run of Chinese characters that stands in a report (its text, title,
// topic or class), its authors by name or pinyin, Latin words and numbers; ranked by bm25 with the
// title weighing most, then the authors, the topic and class, and the text.

const weights = 'bm25(report_index, 8.0, 4.0, 2.0, 1.0)';

// What the index query joins to filter by class, year, grade or outcome (the names filterSql uses).
const joined = `FROM report_index i
  JOIN reports r ON r.id = i.rowid
  JOIN classes c ON c.id = r.class_id
  LEFT JOIN report_reviews rv ON rv.report_id = r.id
  LEFT JOIN report_publications p ON p.report_id = r.id`;

const hitOf = (core: Core, report: ReportRow, rank: number, terms: readonly string[]) => ({
  report,
  rank,
  title: snippetOf(report.title || report.topicTitle, terms, 400),
  snippet: report.latest ? snippetOf(versionText(core, report.latest.id), terms) : [],
});

export const searchReports = (core: Core, query: string, filter: ReportFilter, limit: number): SearchResult => {
  const expression = matchExpression(query);
  // No words: the newest reports handed in, as the list shows them.
  if (expression === undefined) {
    const rows = listReports(core, filter).filter((row) => row.latest !== null);
    return { hits: rows.slice(0, limit).map((row) => hitOf(core, row, 0, [])), total: rows.length };
  }
  const { clauses, params } = filterSql(filter);
  const where = ['report_index MATCH @match', ...clauses].join(' AND ');
  const ranked = statement<[Record<string, number | string>], { id: number; rank: number }>(
    core.db,
    `SELECT i.rowid AS id, ${weights} AS rank ${joined} WHERE ${where} ORDER BY rank LIMIT @limit`,
  ).all({ ...params, match: expression, limit });
  const total =
    ranked.length < limit
      ? ranked.length
      : (statement<[Record<string, number | string>], { n: number }>(
          core.db,
          `SELECT count(*) AS n ${joined} WHERE ${where}`,
        ).get({
          ...params,
          match: expression,
        })?.n ?? 0);
  const rows = reportRowsByIds(
    core,
    ranked.map((hit) => hit.id),
  );
  const terms = queryTerms(query);
  return {
    hits: ranked.flatMap((hit) => {
      const row = rows.get(hit.id);
      return row ? [hitOf(core, row, hit.rank, terms)] : [];
    }),
    total,
  };
};
