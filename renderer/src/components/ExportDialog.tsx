import { FolderOpenOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult, PrintResult, SaveFormat } from '../../../shared/files/schemas';
import type { Result } from '../../../shared/result';
import { api } from '../api';
import { useErrorText } from '../app/errors';
import { JobProgressBar } from './JobProgressBar';
import { useJob } from './use-job';

export type ExportRequest = {
  // The name offered in the save dialog, extension included.
  fileName: string;
  format: SaveFormat;
  // Writes to the file the save dialog granted.
  start: (grant: string, jobId: string) => Promise<Result<ExportResult>>;
};

// Every export goes the same way: the options (children), the system's save dialog, a progress bar
// while the file is made (正在生成 PDF…, then 写入; the footer's 取消 stops it), then where it went and
// a button to show it.
export const ExportDialog = ({
  title,
  request,
  onClose,
  width = 560,
  print,
  children,
}: {
  title: string;
  // Read when the user presses save, so it reflects the options chosen.
  request: () => ExportRequest;
  // The same document on paper (a preview window and the system's print dialog), where it can be.
  print?: (jobId: string) => Promise<Result<PrintResult>>;
  onClose: () => void;
  width?: number;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText, reportFailure } = useErrorText();
  const job = useJob();
  const [done, setDone] = useState<ExportResult>();

  const run = async () => {
    const { fileName, format, start } = request();
    const chosen = await api.files.chooseSave({ purpose: 'export', defaultName: fileName, format });
    if (!chosen.ok) return message.error(errorText(chosen.error));
    const grant = chosen.value.grant;
    if (!grant) return;
    const result = await job.run(t('exportDialog.working'), (jobId) => start(grant, jobId));
    if (!result.ok) return reportFailure(message, result.error);
    setDone(result.value);
  };

  const printNow = async () => {
    if (!print) return;
    const result = await job.run(t('exportDialog.printing'), print);
    if (!result.ok) return reportFailure(message, result.error);
    if (result.value.printed) {
      message.success(t('exportDialog.printed'));
      onClose();
    }
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
        <Alert type="success" showIcon title={t('exportDialog.done', { path: done.path })} data-testid="export-done" />
        <Button
          style={{ marginTop: 16 }}
          icon={<FolderOpenOutlined />}
          onClick={() => void api.files.showInFolder({ grant: done.grant })}
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
      onCancel={job.working ? job.cancel : onClose}
      okButtonProps={{ loading: job.working !== undefined }}
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          <CancelBtn />
          {print && (
            <Button icon={<PrinterOutlined />} disabled={job.working !== undefined} onClick={() => void printNow()}>
              {t('exportDialog.print')}
            </Button>
          )}
          <OkBtn />
        </>
      )}
      width={width}
      destroyOnHidden
      maskClosable={false}
    >
      {job.working ? (
        <div style={{ padding: '32px 8px' }}>
          {/* The footer's 取消 stops the job while it runs: no second button here. */}
          <JobProgressBar working={job.working} />
        </div>
      ) : (
        children
      )}
    </Modal>
  );
};
