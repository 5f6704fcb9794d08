import type { SaveFormat } from '../../../shared/exports';
import type { FileFilter } from '../platform';
import type { Handlers } from '../router';

const spreadsheets: FileFilter[] = [
  { name: '电子表格（Excel、WPS、CSV）', extensions: ['xlsx', 'xls', 'et', 'csv'] },
  { name: '所有文件', extensions: ['*'] },
];

const formatFilters: Record<SaveFormat, FileFilter> = {
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  docx: { name: 'Word 文档', extensions: ['docx'] },
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
  csv: { name: 'CSV 文件', extensions: ['csv'] },
  ics: { name: '日历文件（iCalendar）', extensions: ['ics'] },
};

// Files cross the boundary as paths the user chose in the system's own dialog.
export const fileHandlers = {
  'files.chooseOpen': async (core, { purpose }) => ({
    path:
      (await core.platform.chooseOpenFile({
        title: purpose === 'scheduleImport' ? '选择课程安排表' : '选择名册文件',
        filters: spreadsheets,
      })) ?? null,
  }),
  'files.chooseSave': async (core, { defaultName, format }) => ({
    path: (await core.platform.chooseSaveFile({ title: '保存到', defaultName, filters: [formatFilters[format]] })) ?? null,
  }),
  'files.chooseFolder': async (core, { purpose }) => ({
    path:
      (await core.platform.chooseFolder({ title: purpose === 'backupFolder' ? '选择备份文件夹' : '选择要恢复的备份' })) ?? null,
  }),
  'files.showInFolder': (core, { path }) => {
    core.platform.showInFolder(path);
    return {};
  },
} satisfies Handlers;
