import { Form, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classTitle, type TrainingClass } from '../../../../shared/classes/schemas';
import { api } from '../../api';
import { ExportDialog } from '../../components/ExportDialog';
import { fileNameOf } from '../../../../shared/files/schemas';

const formats = ['xlsx', 'docx', 'pdf', 'ics'] as const;
type Format = (typeof formats)[number];

// The 课程安排表 as the offices exchange it, or a calendar file for phones.
export const ScheduleExportModal = ({ target, onClose }: { target: TrainingClass; onClose: () => void }) => {
  const { t } = useTranslation();
  const [format, setFormat] = useState<Format>('xlsx');
  const labels: Record<Format, string> = {
    xlsx: t('formats.xlsx'),
    docx: t('formats.docx'),
    pdf: t('formats.pdf'),
    ics: t('schedulePage.ics'),
  };
  return (
    <ExportDialog
      title={t('schedulePage.exportTitle')}
      onClose={onClose}
      print={(jobId) => api.schedule.print({ classId: target.id, jobId })}
      request={() => ({
        fileName: fileNameOf(t('schedule.titleClass', { title: classTitle(target) }), format),
        format,
        start: (grant, jobId) => api.schedule.export({ classId: target.id, format, grant, jobId }),
      })}
    >
      <Form layout="vertical" data-testid="schedule-export-form">
        <Form.Item label={t('schedulePage.exportFormat')}>
          <Radio.Group
            value={format}
            onChange={(event) => setFormat(event.target.value)}
            options={formats.map((value) => ({ value, label: labels[value] }))}
          />
        </Form.Item>
      </Form>
    </ExportDialog>
  );
};
