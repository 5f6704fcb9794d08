import { message } from '../../../shared/i18n/translate';
import { type ExportResult } from '../../../shared/files/schemas';
import { itemColumn, surveyColumns } from '../../../shared/surveys/schemas';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import { statement } from '../db/statements';
import type { TableDoc } from '../documents/table-doc';
import { writeXlsx } from '../documents/xlsx-writer';
import { exportTarget, finishExport } from '../files/export';
import type { Job } from '../jobs/job';
import { listTemplates } from './service';

// The table the Excel import reads (table.ts), empty, with what to write in each column above it:
// for an office that has only paper questionnaires and no file to start from. As many item columns
// as the longest of the school's questionnaires and of the class's surveys (one made before a
// questionnaire was shortened keeps its items, and the import asks for a column for each).
export const exportSurveyTemplate = async (core: Core, classId: number, grant: string, job: Job): Promise<ExportResult> => {
  const target = getClass(core, classId);
  const output = exportTarget(core, grant, 'xlsx');
  const made =
    statement<[number], number | null>(core.db, 'SELECT max(json_array_length(items)) FROM surveys WHERE class_id = ?')
      .pluck()
      .get(classId) ?? 0;
  const items = Math.max(1, made, ...listTemplates(core).map((template) => template.items.length));
  job.progress('write', 0, 1);
  const doc: TableDoc = {
    title: message('surveys.templateTitle', { name: target.name }),
    subtitle: message('surveys.templateNote'),
    orientation: 'landscape',
    sections: [
      {
        columns: [
          { label: surveyColumns.satisfaction[0], width: 6 },
          { label: surveyColumns.subject[0], width: 12 },
          ...Array.from({ length: items }, (_, i) => ({ label: itemColumn(i + 1)[0] ?? '', width: 4, align: 'center' as const })),
          { label: surveyColumns.comment[0], width: 20 },
        ],
        rows: [],
      },
    ],
  };
  const bytes = await writeXlsx(doc);
  return finishExport(core, job, output, bytes, {
    rows: 0,
    audit: { entity: 'surveys', summary: message('surveys.templateSummary', { name: target.name, path: output.path }) },
  });
};
