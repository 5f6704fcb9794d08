import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../shared/events';
import type { ExportFormat, ExportResult, SaveFormat } from '../../../shared/exports';
import type { Result } from '../../../shared/result';
import { api, withProgress } from '../api';
import { useErrorText } from '../app/errors';
import { JobProgressBar } from './JobProgressBar';

// Names of file formats as people know them; the same in every language.
export const formatLabels: Record<ExportFormat, string> = {
  xlsx: 'Excel（.xlsx）',
  docx: 'Word（.docx）',
  pdf: 'PDF',
  csv: 'CSV',
};

export type ExportRequest = {
  // The name offered in the save dialog, extension included.
  fileName: string;
  format: SaveFormat;
  start: (path: string, jobId: string) => Promise<Result<ExportResult>>;
};

// Every export goes the same way: the options (children), the system's save dialog, a progress bar
// while the file is written, then where it went and a button to show it.
export const ExportDialog = ({
  title,
  request,
  onClose,
  width = 560,
  children,
}: {
  title: string;
  // Read when the user presses save, so it reflects the options chosen.
  request: () => ExportRequest;
  onClose: () => void;
  width?: number;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [working, setWorking] = useState<{ progress?: JobProgress }>();
  const [done, setDone] = useState<string>();

  const run = async () => {
    const { fileName, format, start } = request();
    const chosen = await api.files.chooseSave({ purpose: 'export', defaultName: fileName, format });
    if (!chosen.ok) return message.error(errorText(chosen.error));
    const path = chosen.value.path;
    if (!path) return;
    setWorking({});
    const result = await withProgress(
      (jobId) => start(path, jobId),
      (progress) => setWorking({ progress }),
    );
    setWorking(undefined);
    if (!result.ok) return message.error(errorText(result.error));
    setDone(result.value.path);
  };

  if (done) {
    return (
      <Modal
        open
        title={title}
        onCancel={onClose}
        footer={
          <Button type="primary" onClick={onClose}>
            {t('importWizard.close')}
          </Button>
        }
      >
        <Alert type="success" showIcon title={t('exportDialog.done', { path: done })} data-testid="export-done" />
        <Button
          style={{ marginTop: 16 }}
          icon={<FolderOpenOutlined />}
          onClick={() => void api.files.showInFolder({ path: done })}
        >
          {t('exportDialog.showInFolder')}
        </Button>
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={title}
      okText={t('exportDialog.save')}
      cancelText={t('common.cancel')}
      onOk={() => void run()}
      onCancel={onClose}
      confirmLoading={working !== undefined}
      width={width}
      destroyOnHidden
      maskClosable={false}
    >
      {working ? (
        <div style={{ padding: '32px 8px' }}>
          <JobProgressBar progress={working.progress} label={t('exportDialog.working')} />
        </div>
      ) : (
        children
      )}
    </Modal>
  );
};
