import { FileWordOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import { fileNameOf } from '../../../../shared/files/schemas';
import { api } from '../../api';
import { ExportDialog } from '../../components/ExportDialog';

// The 学员手册 handed out on the first day, from the class overview: what it holds, then the save dialog.
export const HandbookButton = ({ target }: { target: TrainingClass }) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<FileWordOutlined />} onClick={() => setOpen(true)} data-testid="class-handbook">
        {t('handbookPage.button')}
      </Button>
      {open && (
        <ExportDialog
          title={t('handbookPage.title')}
          onClose={() => setOpen(false)}
          request={() => ({
            fileName: fileNameOf(t('handbookPage.fileName', { name: target.name }), 'docx'),
            format: 'docx',
            start: (grant, jobId) => api.lifecycle.handbook({ classId: target.id, grant, jobId }),
          })}
        >
          <Typography.Paragraph>{t('handbookPage.help')}</Typography.Paragraph>
        </ExportDialog>
      )}
    </>
  );
};
