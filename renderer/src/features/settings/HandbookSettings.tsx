import { App, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handbookLimits, type Settings } from '../../../../shared/settings/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';

// 学员手册: the school's 开班须知 and 作息时间, written once for every class. Shown as the handbook
// will print them; a text left as the default is stored as none, so it follows the default.
export const HandbookSettings = ({ initial }: { initial: Settings }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const defaults = { notice: t('handbook.defaultNotice'), routine: t('handbook.defaultRoutine') };
  const [notice, setNotice] = useState(initial.handbookNotice || defaults.notice);
  const [routine, setRoutine] = useState(initial.handbookRoutine || defaults.routine);
  const stored = (text: string, fallback: string) => (text.trim() === fallback.trim() ? '' : text.trim());
  const changed =
    stored(notice, defaults.notice) !== initial.handbookNotice || stored(routine, defaults.routine) !== initial.handbookRoutine;
  const save = async () => {
    const result = await api.settings.update({
      handbookNotice: stored(notice, defaults.notice),
      handbookRoutine: stored(routine, defaults.routine),
    });
    if (result.ok) message.success(t('common.saved'));
    else message.error(errorText(result.error));
  };
  return (
    <Form layout="vertical" onFinish={() => void save()} data-testid="handbook-settings">
      <Form.Item label={t('handbookSettings.notice')} extra={t('handbookSettings.noticeHelp')}>
        <Input.TextArea
          value={notice}
          rows={7}
          maxLength={handbookLimits.notice}
          onChange={(event) => setNotice(event.target.value)}
          aria-label={t('handbookSettings.notice')}
        />
      </Form.Item>
      <Form.Item label={t('handbookSettings.routine')} extra={t('handbookSettings.routineHelp')}>
        <Input.TextArea
          value={routine}
          rows={10}
          maxLength={handbookLimits.routine}
          onChange={(event) => setRoutine(event.target.value)}
          aria-label={t('handbookSettings.routine')}
          style={{ maxWidth: 480 }}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" disabled={!changed}>
          {t('common.save')}
        </Button>
        <Button
          onClick={() => {
            setNotice(defaults.notice);
            setRoutine(defaults.routine);
          }}
        >
          {t('handbookSettings.restore')}
        </Button>
      </Space>
    </Form>
  );
};
