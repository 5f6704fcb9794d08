import { Alert, Card, Input, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { TraineeSummary } from '../../../../shared/trainees/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';

const pageSize = 50;

// Everyone the school has trained, searchable by name, pinyin initials and unit.
export const TraineeListPage = () => {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [typed, setTyped] = useState(search);

  useEffect(() => {
    if (typed.trim() === search) return;
    const timer = setTimeout(() => setParams(typed.trim() ? { q: typed.trim() } : {}, { replace: true }), 200);
    return () => clearTimeout(timer);
  });

  const input = { search, limit: pageSize, offset: (page - 1) * pageSize };
  const found = useQuery(() => api.trainees.search(input), JSON.stringify(input));

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('trainees.title')}
        </Typography.Title>
      }
    >
      <Input.Search
        allowClear
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        placeholder={t('trainees.searchPlaceholder')}
        style={{ width: 420, marginBottom: 16 }}
        aria-label={t('fields.search')}
      />
      {found.error && <Alert type="error" showIcon title={errorText(found.error)} />}
      {found.data?.approximate && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('roster.approximate', { query: search })} />
      )}
      <Table<TraineeSummary>
        rowKey="id"
        size="middle"
        dataSource={found.data?.items ?? []}
        loading={found.loading && !found.data}
        pagination={{
          current: page,
          pageSize,
          total: found.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('trainees.total', { count: total }),
          onChange: (next) => setParams({ ...(search ? { q: search } : {}), page: String(next) }, { replace: true }),
        }}
        columns={[
          {
            key: 'name',
            title: t('fields.personName'),
            width: 120,
            render: (_, person) => <Link to={`/trainees/${person.id}`}>{person.name}</Link>,
          },
          { key: 'sex', title: t('fields.sex'), width: 60, render: (_, person) => (person.sex ? t(`sex.${person.sex}`) : '') },
          {
            key: 'birthDate',
            title: t('fields.birthDate'),
            width: 100,
            render: (_, person) => person.birthDate?.slice(0, 7).replace('-', '.') ?? '',
          },
          { key: 'idNumber', title: t('fields.idNumber'), width: 190, dataIndex: 'idNumberMasked' },
          { key: 'unit', title: t('fields.unit'), dataIndex: 'unit', ellipsis: true },
          { key: 'position', title: t('fields.position'), dataIndex: 'position', width: 140, ellipsis: true },
          {
            key: 'classes',
            title: t('trainees.classes'),
            width: 100,
            render: (_, person) => t('trainees.classCount', { count: person.classCount }),
          },
        ]}
      />
    </Card>
  );
};
