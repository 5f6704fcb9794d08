import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TeamMember } from '../../../../shared/staff/schemas';
import { textMatches } from '../../../../shared/text/pinyin';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { FormModal } from '../../components/FormModal';

type Row = { key: number; staffId?: number | undefined; role: string };

const TeamEditor = ({ classId, team, onClose }: { classId: number; team: readonly TeamMember[]; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const staff = useQuery(() => api.staff.list({}), 'staff:all');
  const roles = useQuery(() => api.vocab.get({ kind: 'staffRole' }), 'vocab:staffRole');
  const [rows, setRows] = useState<Row[]>(() => team.map((member, key) => ({ key, staffId: member.staffId, role: member.role })));
  const [saving, setSaving] = useState(false);
  const change = (key: number, patch: Partial<Row>) => setRows(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const complete = rows.filter((row): row is Row & { staffId: number } => row.staffId !== undefined && row.role.trim() !== '');

  const save = async () => {
    setSaving(true);
    const result = await api.staff.setTeam({
      classId,
      members: complete.map((row) => ({ staffId: row.staffId, role: row.role.trim() })),
    });
    setSaving(false);
    if (!result.ok) return message.error(errorText(result.error));
    message.success(t('team.saved'));
    onClose();
  };

  return (
    <FormModal
      title={t('team.edit')}
      width={640}
      saving={saving}
      canSave={complete.length === rows.length}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Flex vertical gap={8} data-testid="team-editor">
        {rows.map((row) => (
          <Flex key={row.key} gap={8}>
            <Select
              style={{ flex: 1 }}
              value={row.staffId}
              placeholder={t('team.member')}
              aria-label={t('team.member')}
              onChange={(staffId: number) => change(row.key, { staffId })}
              showSearch={{
                filterOption: (typed, option) => textMatches(`${option?.label ?? ''} ${option?.title ?? ''}`, typed),
              }}
              options={(staff.data?.items ?? []).map((person) => ({
                value: person.id,
                label: person.name,
                title: person.organisation,
              }))}
            />
            <AutoComplete
              style={{ width: 200 }}
              value={row.role}
              placeholder={t('team.role')}
              aria-label={t('team.role')}
              maxLength={30}
              onChange={(role: string) => change(row.key, { role })}
              options={(roles.data ?? []).map((value) => ({ value }))}
            />
            <Button
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
              onClick={() => setRows(rows.filter((other) => other.key !== row.key))}
            />
          </Flex>
        ))}
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => setRows([...rows, { key: Math.max(0, ...rows.map((row) => row.key)) + 1, role: '' }])}
        >
          {t('team.addMember')}
        </Button>
      </Flex>
    </FormModal>
  );
};

// The project team of a class (项目组): who does what for it.
export const TeamCard = ({ classId, readOnly }: { classId: number; readOnly: boolean }) => {
  const { t } = useTranslation();
  const team = useQuery(() => api.staff.team({ classId }), `team:${classId}`);
  const [editing, setEditing] = useState(false);
  return (
    <div>
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('team.title')}
        </Typography.Title>
        {!readOnly && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} disabled={!team.data}>
            {t('team.edit')}
          </Button>
        )}
      </Flex>
      {team.data && team.data.length === 0 ? (
        <Typography.Text type="secondary">{t('team.empty')}</Typography.Text>
      ) : (
        <Table<TeamMember>
          style={{ marginTop: 8 }}
          rowKey={(member) => `${member.staffId}:${member.role}`}
          size="small"
          pagination={false}
          data-testid="team-table"
          dataSource={team.data ?? []}
          columns={[
            { key: 'role', title: t('team.role'), dataIndex: 'role', width: 160 },
            {
              key: 'name',
              title: t('staffPage.columns.name'),
              width: 120,
              render: (_, member) => <Link to={`/staff/${member.staffId}`}>{member.name}</Link>,
            },
            { key: 'organisation', title: t('staffPage.columns.organisation'), dataIndex: 'organisation' },
            { key: 'title', title: t('staffPage.columns.title'), dataIndex: 'title' },
          ]}
        />
      )}
      {editing && team.data && <TeamEditor classId={classId} team={team.data} onClose={() => setEditing(false)} />}
    </div>
  );
};
