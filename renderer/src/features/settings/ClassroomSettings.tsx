import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/settings/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { ClassroomFields, ClassroomPreview } from './ClassroomFields';

// The classroom every 座次表 and 座次 view is drawn for, with a small drawing of it.
export const ClassroomSettings = ({ initial }: { initial: Settings['classroom'] }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [room, setRoom] = useState(initial);
  const changed = JSON.stringify(room) !== JSON.stringify(initial);
  const save = async () => {
    const result = await api.settings.update({ classroom: room });
    if (result.ok) message.success(t('common.saved'));
    else message.error(errorText(result.error));
  };
  return (
    <Flex vertical gap={12} data-testid="classroom-settings">
      <Typography.Text type="secondary">{t('classroomSettings.help')}</Typography.Text>
      <Flex gap={24} wrap align="flex-start">
        <ClassroomFields value={room} onChange={setRoom} />
        <ClassroomPreview value={room} />
      </Flex>
      <div>
        <Button type="primary" disabled={!changed} onClick={() => void save()} data-testid="classroom-save">
          {t('common.save')}
        </Button>
      </div>
    </Flex>
  );
};
