import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Revealed, TraineeDetail } from '../../../../shared/trainees/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { PageState } from '../../components/PageState';
import { useRememberOpened } from '../../app/recent';

// One person and every class they attended.
export const TraineeDetailPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const person = useQuery(() => api.trainees.get({ id: Number(id) }), `trainee:${id}`);
  const [full, setFull] = useState<Revealed>();
  const value = person.data;

  useRememberOpened(
    value && { kind: 'trainee', id: value.id, title: value.name, detail: value.unit ? [value.unit] : [], parentId: null },
  );

  if (!value) return <PageState error={person.error} backTo="/trainees" />;

  const reveal = async () => {
    const result = await api.trainees.reveal({ ids: [value.id], purpose: t('roster.revealPurposes.trainee') });
    if (!result.ok) return message.error(errorText(result.error));
    setFull(result.value[0]);
  };

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} onClick={() => navigate(-1)} />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="trainee-name">
            {value.name}
          </Typography.Title>
        </Space>
      }
    >
      <Descriptions
        bordered
        size="middle"
        column={3}
        title={t('trainees.facts')}
        extra={
          !full && (value.idNumberMasked || value.phoneMasked) ? (
            <Button icon={<EyeOutlined />} onClick={() => void reveal()}>
              {t('roster.reveal')}
            </Button>
          ) : undefined
        }
      >
        <Descriptions.Item label={t('fields.sex')}>{value.sex ? t(`sex.${value.sex}`) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.ethnicity')}>{value.ethnicity || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.birthDate')}>{value.birthDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.idNumber')}>{full?.idNumber || value.idNumberMasked || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.phone')}>{full?.phone || value.phoneMasked || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.politicalStatus')}>{value.politicalStatus || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.unit')} span={2}>
          {value.unit || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.position')}>{value.position || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.rank')}>{value.rank || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.education')}>{value.education || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.notes')}>{value.notes || '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('trainees.classes')}
      </Typography.Title>
      <Table<TraineeDetail['enrolments'][number]>
        rowKey="enrolmentId"
        size="small"
        pagination={false}
        dataSource={value.enrolments}
        data-testid="trainee-classes"
        locale={{ emptyText: t('trainees.noClasses') }}
        columns={[
          { key: 'code', title: t('fields.code'), dataIndex: 'classCode', width: 100 },
          {
            key: 'name',
            title: t('fields.name'),
            render: (_, e) => <Link to={`/classes/${e.classId}?tab=roster`}>{e.className}</Link>,
          },
          {
            key: 'dates',
            title: t('classes.columns.dates'),
            width: 220,
            render: (_, e) => `${e.startDate} ${t('common.to')} ${e.endDate}`,
          },
          {
            key: 'group',
            title: t('fields.group'),
            width: 90,
            render: (_, e) => (e.group ? t('roster.groupN', { n: e.group }) : ''),
          },
          { key: 'role', title: t('fields.role'), dataIndex: 'role', width: 120 },
          { key: 'status', title: t('fields.status'), width: 90, render: (_, e) => t(`enrolmentStatus.${e.status}`) },
        ]}
      />
    </Card>
  );
};
