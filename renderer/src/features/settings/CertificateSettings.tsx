import { App, Button, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { certificateNumber, certificateNumberLimits } from '../../../../shared/lifecycle/certificate-number';
import { certificateNumberFormatProblem } from '../../../../shared/lifecycle/certificate-number-problem';
import { enUS } from '../../../../shared/i18n/en-US';
import { zhCN } from '../../../../shared/i18n/zh-CN';
import type { Settings } from '../../../../shared/settings/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';

// 结业证书: the pattern of their 证书编号, said back as a number while it is typed (or what is wrong
// with it), and the attendance a trainee needs for one.
export const CertificateSettings = ({ initial }: { initial: Settings }) => {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [format, setFormat] = useState(initial.certificateNumberFormat);
  const [minAttendance, setMinAttendance] = useState<number | null>(initial.certificateMinAttendance);
  const problem = certificateNumberFormatProblem(format, i18n.language === 'zh-CN' ? zhCN : enUS);
  const year = new Date().getFullYear();
  const example = problem === undefined ? certificateNumber(format, { year, classCode: `${year}-001`, seq: 3 }) : '';
  const changed = format.trim() !== initial.certificateNumberFormat || (minAttendance ?? 0) !== initial.certificateMinAttendance;
  const save = async () => {
    const result = await api.settings.update({
      certificateNumberFormat: format.trim(),
      certificateMinAttendance: minAttendance ?? 0,
    });
    if (result.ok) message.success(t('common.saved'));
    else message.error(errorText(result.error));
  };
  return (
    <Form layout="vertical" onFinish={() => void save()} data-testid="certificate-settings">
      <Form.Item
        label={t('certificateSettings.numberFormat')}
        validateStatus={problem === undefined ? undefined : 'error'}
        help={
          problem ?? (
            <Space orientation="vertical" size={0}>
              <span data-testid="certificate-number-example">{t('certificateSettings.example', { number: example })}</span>
              <span>{t('certificateSettings.numberFormatHelp')}</span>
            </Space>
          )
        }
      >
        <Input
          value={format}
          maxLength={certificateNumberLimits.length}
          onChange={(event) => setFormat(event.target.value)}
          aria-label={t('certificateSettings.numberFormat')}
          style={{ width: 480 }}
        />
      </Form.Item>
      <Form.Item label={t('certificateSettings.minAttendance')} extra={t('certificateSettings.minAttendanceHelp')}>
        <InputNumber
          min={0}
          max={100}
          precision={0}
          value={minAttendance}
          onChange={setMinAttendance}
          aria-label={t('certificateSettings.minAttendance')}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" disabled={!changed || problem !== undefined}>
        {t('common.save')}
      </Button>
    </Form>
  );
};
