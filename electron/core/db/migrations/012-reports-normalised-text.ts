import { ordinaryForms } from '../../../../shared/text/ordinary-forms';
import { indexTokens, peopleTokens } from '../../../../shared/text/search-tokens';
import type { Migration } from './types';

// Reports handed in before text was kept in its ordinary forms hold what their PDFs' fonts called
// the characters: 个⼈ (a Kangxi radical), 管理 (a compatibility ideograph), ２０１９. Their texts and
// titles are rewritten in ordinary characters (shared/text/ordinary-forms.ts; Chinese punctuation
// stays as written) and the search index is made again from them, so that 个人 finds what it shows.
// Data only: the schema is the same after as before. The stored files are left as they came.
//
// The index rows are written here with this version's own SQL (as reports/versions.ts wrote them at
// this version), not through the reports module: a later migration may change those tables, and
// this one must keep doing what it did.

type IndexSource = { id: number; title: string; topic: string | null; class_name: string };

export const reportsNormalisedTextMigration: Migration = {
  version: 12,
  name: 'report texts and titles in ordinary characters, indexed again',
  up: (db) => {
    // Titles first: an audited update (the log says the title changed, and how) opens savepoints,
    // which would write the index out in pieces were it already begun.
    const titles = db.prepare<[], { id: number; title: string }>('SELECT id, title FROM reports ORDER BY id').all();
    const setTitle = db.prepare<[string, number]>('UPDATE reports SET title = ? WHERE id = ?');
    for (const report of titles) {
      const ordinary = ordinaryForms(report.title);
      if (ordinary !== report.title) setTitle.run(ordinary, report.id);
    }

    // Texts one at a time: a class's texts run to millions of characters.
    const versionIds = db.prepare<[], number>('SELECT version_id FROM report_texts ORDER BY version_id').pluck().all();
    const textOf = db.prepare<[number], string>('SELECT text FROM report_texts WHERE version_id = ?').pluck();
    const setText = db.prepare<[string, number]>('UPDATE report_texts SET text = ? WHERE version_id = ?');
    for (const versionId of versionIds) {
      const text = textOf.get(versionId) ?? '';
      const ordinary = ordinaryForms(text);
      if (ordinary !== text) setText.run(ordinary, versionId);
    }

    // Every report's entry again (the tokens now read ordinary forms whatever they are given: topics
    // and class names too), from its latest version, as reindexReport does.
    db.prepare("INSERT INTO report_index (report_index) VALUES ('delete-all')").run();
    // The reports with a version (nothing handed in: nothing to find); their texts one at a time.
    const sources = db
      .prepare<[], IndexSource>(
        `SELECT r.id, r.title, t.title AS topic, c.name AS class_name
           FROM reports r JOIN classes c ON c.id = r.class_id LEFT JOIN report_topics t ON t.id = r.topic_id
          WHERE EXISTS (SELECT 1 FROM report_versions v WHERE v.report_id = r.id)
          ORDER BY r.id`,
      )
      .all();
    const namesOf = db.prepare<[number], string>('SELECT name FROM report_authors WHERE report_id = ? ORDER BY position').pluck();
    const insert = db.prepare<[number, string, string, string, string]>(
      'INSERT INTO report_index (rowid, title, people, context, body) VALUES (?, ?, ?, ?, ?)',
    );
    const latestText = db
      .prepare<[number], string>(
        `SELECT x.text FROM report_texts x
          WHERE x.version_id = (SELECT id FROM report_versions WHERE report_id = ? ORDER BY version DESC LIMIT 1)`,
      )
      .pluck();
    for (const source of sources)
      insert.run(
        source.id,
        indexTokens(source.title),
        peopleTokens(namesOf.all(source.id)),
        indexTokens(`${source.topic ?? ''} ${source.class_name}`),
        indexTokens(latestText.get(source.id) ?? ''),
      );
  },
};
