import { App, Button, Card, Col, Flex, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyTemplate } from '../../../../shared/surveys/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

// One questionnaire: its name and its items, one a line. A new survey takes the items as they are
// then; the surveys already made keep theirs.
const TemplateForm = ({ template }: { template: SurveyTemplate }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [name, setName] = useState(template.name);
  const [items, setItems] = useState(template.items.join('\n'));
  const changed = name.trim() !== template.name || linesOf(items).join('\n') !== template.items.join('\n');
  const label = t(`closing.satisfactions.${template.satisfaction}`);
  const save = async () => {
    const result = await api.surveys.saveTemplate({ satisfaction: template.satisfaction, name, items: linesOf(items) });
    if (result.ok) message.success(t('surveyTemplates.saved', { name: result.value.name }));
    else message.error(errorText(result.error));
  };
  const reset = async () => {
    const result = await api.surveys.resetTemplate({ satisfaction: template.satisfaction });
    if (!result.ok) return message.error(errorText(result.error));
    setName(result.value.name);
    setItems(result.value.items.join('\n'));
    message.success(t('surveyTemplates.resetDone', { name: result.value.name }));
  };
  return (
    <Card
      size="small"
      type="inner"
      title={
        <Space>
          {label}
          {template.edited && <Tag color="blue">{t('surveyTemplates.edited')}</Tag>}
        </Space>
      }
      data-testid={`template-${template.satisfaction}`}
    >
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item label={t('surveyTemplates.name')}>
          <Input
            value={name}
            maxLength={100}
            onChange={(event) => setName(event.target.value)}
            aria-label={t('surveyTemplates.nameOf', { label })}
          />
        </Form.Item>
        <Form.Item label={t('surveyTemplates.items')} extra={t('surveyTemplates.itemsHelp', { count: linesOf(items).length })}>
          <Input.TextArea
            value={items}
            autoSize={{ minRows: 4, maxRows: 12 }}
            onChange={(event) => setItems(event.target.value)}
            aria-label={t('surveyTemplates.itemsOf', { label })}
          />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" disabled={!changed}>
            {t('common.save')}
          </Button>
          {template.edited && <Button onClick={() => void reset()}>{t('surveyTemplates.reset')}</Button>}
        </Flex>
      </Form>
    </Card>
  );
};

// The four questionnaires (四个满意), as the school asks them.
export const TemplatesCard = () => {
  const { t } = useTranslation();
  const templates = useQuery(() => api.surveys.templates({}), 'survey-templates');
  return (
    <Card title={t('surveyTemplates.title')} size="small">
      <Typography.Paragraph type="secondary">{t('surveyTemplates.help')}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {templates.data?.map((template) => (
          <Col xs={24} xl={12} key={`${template.satisfaction}:${template.name}:${template.items.join('|')}`}>
            <TemplateForm template={template} />
          </Col>
        ))}
      </Row>
    </Card>
  );
};
