import { CloseOutlined, DatabaseOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/settings/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useLocale } from '../../app/locale';
import { useQuery, useRead } from '../../app/use-query';
import { appInfoRead, settingsRead } from '../../app/reads';
import { type VocabKind } from '../../../../shared/vocab/schemas';
import { TemplatesCard } from '../surveys/TemplatesCard';
import { DataFolderButton } from '../../app/DataFolderButton';
import { CertificateSettings } from './CertificateSettings';
import { ClassroomSettings } from './ClassroomSettings';
import { HandbookSettings } from './HandbookSettings';
import { LodgingSettingsCard } from '../lodging/LodgingSettingsCard';

// One line of text kept in the settings (学校名称, 操作人姓名), saved with its own button.
const TextSetting = ({ field, initial, max }: { field: 'schoolName' | 'operatorName'; initial: string; max: number }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [value, setValue] = useState(initial);
  const save = async () => {
    const result = await api.settings.update({ [field]: value });
    if (result.ok) message.success(t('common.saved'));
    else message.error(errorText(result.error));
  };
  return (
    <Form layout="vertical" onFinish={() => void save()}>
      <Form.Item label={t(`fields.${field}`)} extra={t(`settings.${field}Help`)}>
        <Space.Compact style={{ width: 480 }}>
          <Input
            value={value}
            maxLength={max}
            onChange={(event) => setValue(event.target.value)}
            aria-label={t(`fields.${field}`)}
          />
          <Button type="primary" htmlType="submit" disabled={value.trim() === initial}>
            {t('common.save')}
          </Button>
        </Space.Compact>
      </Form.Item>
    </Form>
  );
};

// An editable list (班次类别, 班委职务 …): tags to remove, a box to add.
const VocabEditor = ({
  kind,
  items,
  title,
  addLabel,
  help,
}: {
  kind: VocabKind;
  items: readonly string[];
  title: string;
  addLabel: string;
  help: string;
}) => {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { errorText } = useErrorText();
  const [adding, setAdding] = useState('');
  const save = async (next: string[]) => {
    const result = await api.vocab.set({ kind, items: next });
    if (!result.ok) message.error(errorText(result.error));
    return result.ok;
  };
  const add = async () => {
    const value = adding.trim();
    if (!value) return;
    if (await save([...items, value])) setAdding('');
  };
  return (
    <Space orientation="vertical" size={12}>
      <Flex wrap gap={8} data-testid={`vocab-${kind}`}>
        {items.map((item) => (
          <Tag
            key={item}
            style={{ fontSize: 14, padding: '4px 8px' }}
            closable={items.length > 1}
            closeIcon={<CloseOutlined aria-label={`${t('common.delete')} ${item}`} />}
            onClose={(event) => {
              event.preventDefault();
              // A word taken off a list is asked about first: it is gone from every form that offers it.
              void modal.confirm({
                title: t('settings.removeWord', { item, list: title }),
                content: t('settings.removeWordText', { item }),
                okText: t('common.delete'),
                okButtonProps: { danger: true },
                cancelText: t('common.cancel'),
                onOk: () => save(items.filter((other) => other !== item)),
              });
            }}
          >
            {item}
          </Tag>
        ))}
      </Flex>
      <Space.Compact style={{ width: 360 }}>
        <Input
          value={adding}
          maxLength={30}
          onChange={(event) => setAdding(event.target.value)}
          onPressEnter={() => void add()}
          placeholder={t(`settings.newWord.${kind}`)}
          aria-label={addLabel}
        />
        <Button onClick={() => void add()} disabled={!adding.trim()}>
          {addLabel}
        </Button>
      </Space.Compact>
      <Typography.Text type="secondary">{help}</Typography.Text>
    </Space>
  );
};

// The editable lists, in the order they matter to someone setting up a school.
const vocabCards = [
  { kind: 'classCategory', title: 'settings.categories', add: 'settings.addCategory', help: 'settings.categoriesHelp' },
  { kind: 'classRole', title: 'settings.roles', add: 'settings.addRole', help: 'settings.rolesHelp' },
  { kind: 'module', title: 'settings.modules', add: 'settings.addModule', help: 'settings.modulesHelp' },
  { kind: 'format', title: 'settings.formats', add: 'settings.addFormat', help: 'settings.formatsHelp' },
  { kind: 'staffRole', title: 'settings.staffRoles', add: 'settings.addStaffRole', help: 'settings.staffRolesHelp' },
  { kind: 'siteKind', title: 'settings.siteKinds', add: 'settings.addSiteKind', help: 'settings.siteKindsHelp' },
] as const satisfies readonly { kind: VocabKind; title: string; add: string; help: string }[];

export const SettingsPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const { locale, setLocale } = useLocale();
  const settings = useRead(settingsRead);
  const info = useRead(appInfoRead);
  const vocab = {
    classCategory: useQuery(() => api.vocab.get({ kind: 'classCategory' }), 'vocab:classCategory'),
    classRole: useQuery(() => api.vocab.get({ kind: 'classRole' }), 'vocab:classRole'),
    module: useQuery(() => api.vocab.get({ kind: 'module' }), 'vocab:module'),
    format: useQuery(() => api.vocab.get({ kind: 'format' }), 'vocab:format'),
    staffRole: useQuery(() => api.vocab.get({ kind: 'staffRole' }), 'vocab:staffRole'),
    siteKind: useQuery(() => api.vocab.get({ kind: 'siteKind' }), 'vocab:siteKind'),
  } satisfies Record<VocabKind, unknown>;

  const changeLocale = async (next: Locale) => {
    const result = await api.settings.update({ locale: next });
    if (result.ok) setLocale(next);
    else message.error(errorText(result.error));
  };

  const loadSample = async () => {
    const result = await api.app.loadSample({});
    if (!result.ok) message.error(errorText(result.error));
    else if (result.value.classes > 0) message.success(t('settings.sampleLoaded', { count: result.value.classes }));
    else message.info(t('settings.sampleNothing'));
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Card title={t('settings.school')} size="small">
        {settings.data && (
          <>
            <TextSetting
              key={`school-${settings.data.schoolName}`}
              field="schoolName"
              initial={settings.data.schoolName}
              max={60}
            />
            <TextSetting
              key={`operator-${settings.data.operatorName}`}
              field="operatorName"
              initial={settings.data.operatorName}
              max={30}
            />
          </>
        )}
      </Card>
      <Card title={t('certificateSettings.title')} size="small">
        {settings.data && (
          <CertificateSettings
            key={`${settings.data.certificateNumberFormat}|${settings.data.certificateMinAttendance}`}
            initial={settings.data}
          />
        )}
      </Card>
      <Card title={t('handbookSettings.title')} size="small">
        {settings.data && (
          <HandbookSettings key={`${settings.data.handbookNotice}|${settings.data.handbookRoutine}`} initial={settings.data} />
        )}
      </Card>
      <Card title={t('classroomSettings.title')} size="small">
        {settings.data && <ClassroomSettings key={JSON.stringify(settings.data.classroom)} initial={settings.data.classroom} />}
      </Card>
      <Card title={t('settings.language')} size="small">
        <Radio.Group value={locale} onChange={(event) => void changeLocale(event.target.value as Locale)} optionType="button">
          <Radio.Button value="zh-CN">{t('settings.languageZh')}</Radio.Button>
          <Radio.Button value="en-US">{t('settings.languageEn')}</Radio.Button>
        </Radio.Group>
      </Card>
      {vocabCards.map((card) => {
        const items = vocab[card.kind].data;
        return (
          <Card key={card.kind} title={t(card.title)} size="small">
            {items && (
              <VocabEditor kind={card.kind} items={items} title={t(card.title)} addLabel={t(card.add)} help={t(card.help)} />
            )}
          </Card>
        );
      })}
      <TemplatesCard />
      <LodgingSettingsCard />
      <Card title={t('settings.data')} size="small">
        {info.data && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('settings.dataDir')}>
              <Typography.Text copyable code>
                {info.data.dataDir}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.databaseFile')}>
              <Typography.Text copyable code>
                {info.data.databaseFile}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.version')}>{info.data.version}</Descriptions.Item>
          </Descriptions>
        )}
        <DataFolderButton />
      </Card>
      <Card title={t('settings.sample')} size="small">
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('settings.sampleHelp')}</Typography.Text>
          <Button icon={<DatabaseOutlined />} onClick={() => void loadSample()}>
            {t('settings.loadSample')}
          </Button>
        </Space>
      </Card>
    </Space>
  );
};
