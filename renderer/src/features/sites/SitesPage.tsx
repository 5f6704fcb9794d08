import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  EnvironmentOutlined,
  PlusOutlined,
  StarOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { type Key, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { chineseDate } from '../../../../shared/dates';
import { fileNameOf } from '../../../../shared/files/schemas';
import type { Base, PointDetail, Review, Visit } from '../../../../shared/sites/schemas';
import { reviewAspects } from '../../../../shared/sites/schemas';
import { isRoomKind, villageKind } from '../../../../shared/vocab/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { ExportDialog } from '../../components/ExportDialog';
import { useTableImport } from '../../components/use-table-import';
import { BaseDrawer } from './BaseDrawer';
import { HouseholdsCard } from './HouseholdsCard';
import { RoomsCard } from './RoomsCard';
import { BaseFormModal, PointFormModal, ReviewModal } from './SiteForms';

// Minutes to every other point, edited as one row of the matrix.
const TravelCard = ({ point }: { point: PointDetail }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  // What was typed, over what is stored; the card is made afresh for each point (its key).
  const [edits, setEdits] = useState<Record<number, number | null>>({});
  const minutesOf = (siteId: number, stored: number | null) => (siteId in edits ? (edits[siteId] ?? null) : stored);
  const changed = point.travel.filter((x) => minutesOf(x.siteId, x.minutes) !== x.minutes);
  const save = async () => {
    const result = await api.sites.setTravel({
      id: point.id,
      travel: changed.map((x) => ({ siteId: x.siteId, minutes: minutesOf(x.siteId, x.minutes) })),
    });
    if (!result.ok) return message.error(errorText(result.error));
    setEdits({});
    message.success(t('sitesPage.travelSaved'));
  };
  return (
    <Card
      size="small"
      title={t('sitesPage.travel')}
      extra={
        <Button size="small" type="primary" disabled={changed.length === 0} onClick={() => void save()}>
          {t('sitesPage.travelSave')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('sitesPage.travelHelp')}</Typography.Paragraph>
      <Table<PointDetail['travel'][number]>
        rowKey="siteId"
        size="small"
        pagination={false}
        data-testid="travel-table"
        dataSource={point.travel}
        columns={[
          { key: 'name', title: t('fields.siteId'), dataIndex: 'name' },
          {
            key: 'minutes',
            title: t('fields.minutes'),
            width: 160,
            render: (_, x) => (
              <InputNumber
                size="small"
                min={0}
                max={1440}
                precision={0}
                style={{ width: 120 }}
                value={minutesOf(x.siteId, x.minutes)}
                onChange={(value) => setEdits((typed) => ({ ...typed, [x.siteId]: value }))}
                aria-label={t('text.labelled', { label: t('fields.minutes'), text: x.name })}
              />
            ),
          },
        ]}
      />
    </Card>
  );
};

const ReviewsCard = ({ point }: { point: PointDetail }) => {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      size="small"
      title={t('sitesPage.reviews')}
      extra={
        <Button size="small" icon={<StarOutlined />} onClick={() => setAdding(true)}>
          {t('sitesPage.addReview')}
        </Button>
      }
    >
      <Table<Review>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={point.reviews}
        locale={{ emptyText: t('sitesPage.noReviews') }}
        columns={[
          // Each column kept to what its words need, so that 备注 shows more than "备…" at 1280 px.
          { key: 'on', title: t('fields.reviewedOn'), width: 96, render: (_, r) => r.reviewedOn },
          { key: 'by', title: t('fields.reviewer'), width: 72, dataIndex: 'reviewer' },
          ...reviewAspects.map((aspect) => ({
            key: aspect,
            title: t(`fields.${aspect}`),
            width: 48,
            align: 'center' as const,
            render: (_: unknown, r: Review) => r[aspect],
          })),
          { key: 'avg', title: t('sitesPage.averageColumn'), width: 64, render: (_, r) => r.average.toFixed(2) },
          { key: 'notes', title: t('fields.notes'), dataIndex: 'notes', ellipsis: true },
          {
            key: 'remove',
            width: 44,
            render: (_, r) => (
              <Popconfirm
                title={t('sitesPage.removeReviewConfirm')}
                onConfirm={() => void api.sites.removeReview({ reviewId: r.id })}
              >
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('sitesPage.removeReview')} />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('sitesPage.ratingsLater')}
      </Typography.Paragraph>
      {adding && <ReviewModal point={point} onClose={() => setAdding(false)} />}
    </Card>
  );
};

const PointView = ({ id, onEdit }: { id: number; onEdit: (point: PointDetail) => void }) => {
  const { t } = useTranslation();
  const found = useQuery(() => api.sites.get({ id }), `site:${id}`);
  const point = found.data;
  if (!point) return found.error ? <Alert type="error" showIcon title={found.error.message} /> : null;
  const dash = (text: string) => text || '—';
  return (
    <Flex vertical gap={16} data-testid="point-detail">
      <Card
        size="small"
        title={
          <Space>
            <EnvironmentOutlined />
            <span data-testid="point-name">{point.name}</span>
            {point.kind && <Tag color="blue">{point.kind}</Tag>}
            {!point.active && <Tag>{t('sitesPage.inactive')}</Tag>}
          </Space>
        }
        extra={
          <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(point)}>
            {t('sitesPage.edit')}
          </Button>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('fields.baseId')}>{dash(point.baseName)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.capacity')}>
            {point.capacity === null ? '—' : t('sitesPage.capacity', { value: point.capacity })}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.minutesFromSchool')}>
            {point.minutesFromSchool === null ? '—' : t('sitesPage.minutes', { value: point.minutesFromSchool })}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.address')} span={2}>
            {dash([point.township, point.address].filter(Boolean).join(' '))}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.contactName')}>
            {dash([point.contactName, point.contactPhone].filter(Boolean).join(' '))}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.guideName')}>{dash(point.guideStaffName ?? point.guideName)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.modules')} span={2}>
            {point.modules.length === 0 ? '—' : point.modules.map((m) => <Tag key={m}>{m}</Tag>)}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.topics')} span={3}>
            {dash(point.topics)}
          </Descriptions.Item>
          {point.notes && (
            <Descriptions.Item label={t('fields.notes')} span={3}>
              {point.notes}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {point.kind === villageKind ? (
        <HouseholdsCard point={point} />
      ) : isRoomKind(point.kind) ? (
        <RoomsCard point={point} />
      ) : (
        <Typography.Text type="secondary">{t('sitesPage.notVillageHint')}</Typography.Text>
      )}
      <Card size="small" title={t('sitesPage.visits')}>
        <Table<Visit>
          rowKey={(v) => `${v.classId}:${v.date}`}
          size="small"
          pagination={false}
          dataSource={point.visitHistory}
          locale={{ emptyText: t('sitesPage.noVisits') }}
          columns={[
            { key: 'date', title: t('sitesPage.visitColumns.date'), width: 170, render: (_, v) => chineseDate(v.date) },
            {
              key: 'class',
              title: t('sitesPage.visitColumns.className'),
              width: 200,
              render: (_, v) => <Link to={`/classes/${v.classId}?tab=schedule`}>{v.className}</Link>,
            },
            { key: 'titles', title: t('sitesPage.visitColumns.titles'), render: (_, v) => v.titles.join(t('text.list')) },
            { key: 'trainees', title: t('sitesPage.visitColumns.trainees'), width: 70, align: 'center', dataIndex: 'trainees' },
          ]}
        />
      </Card>
      <ReviewsCard point={point} />
      <TravelCard key={point.id} point={point} />
    </Flex>
  );
};

type Dialog =
  | { kind: 'base'; base?: Base }
  | { kind: 'baseDetails'; baseId: number }
  | { kind: 'point'; point?: PointDetail; baseId?: number | null }
  | { kind: 'export' };

// The school's teaching bases and the points under them: a tree to find a point, its record beside it.
export const SitesPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [typed, setTyped] = useState(search);
  const [dialog, setDialog] = useState<Dialog>();
  const { message, modal } = App.useApp();
  const { errorText } = useErrorText();
  // Every base open unless the person closed it.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const importer = useTableImport();
  useEffect(() => {
    if (typed.trim() === search) return;
    const timer = setTimeout(() => setParams(typed.trim() ? { q: typed.trim() } : {}, { replace: true }), 200);
    return () => clearTimeout(timer);
  });
  const tree = useQuery(() => api.sites.tree({ ...(search ? { search } : {}), includeInactive: true }), `sites:${search}`);
  const bases = useMemo(() => tree.data?.bases ?? [], [tree.data]);
  const selected = id ? Number(id) : undefined;
  const treeData = useMemo(
    () =>
      bases.map((base) => ({
        key: `base-${base.id}`,
        selectable: false,
        title: (
          <Space size={4}>
            {base.id > 0 ? (
              <Typography.Link
                strong
                aria-label={t('sitesPage.showBase', { name: base.name })}
                onClick={(event) => {
                  event.stopPropagation();
                  setDialog({ kind: 'baseDetails', baseId: base.id });
                }}
              >
                {base.name}
              </Typography.Link>
            ) : (
              <Typography.Text strong>{t('sitesPage.noBase')}</Typography.Text>
            )}
            {base.id > 0 && (
              <Button
                type="text"
                size="small"
                icon={<EditOutlined />}
                aria-label={`${t('sitesPage.edit')} ${base.name}`}
                onClick={(event) => {
                  event.stopPropagation();
                  setDialog({ kind: 'base', base });
                }}
              />
            )}
          </Space>
        ),
        children: base.points.map((point) => ({
          key: point.id,
          title: (
            <Space size={4}>
              <span>{point.name}</span>
              {point.kind && <Tag style={{ marginInlineEnd: 0 }}>{point.kind}</Tag>}
              {!point.active && <Tag style={{ marginInlineEnd: 0 }}>{t('sitesPage.inactive')}</Tag>}
            </Space>
          ),
        })),
      })),
    [bases, t],
  );
  const baseOfSelected = bases.find((base) => base.points.some((point) => point.id === selected));
  const detailed = dialog?.kind === 'baseDetails' ? bases.find((base) => base.id === dialog.baseId) : undefined;
  // Bases that an import's moves left without a point: offered for removal, each through removeBase.
  const offerRemoval = (emptied: readonly { id: number; name: string }[]) => {
    if (emptied.length === 0) return;
    const names = emptied.map((base) => t('sitesPage.quotedName', { name: base.name })).join(t('tableImport.listSeparator'));
    modal.confirm({
      title: t('sitesPage.emptiedTitle'),
      content: t('sitesPage.emptiedText', { names }),
      okText: t('sitesPage.emptiedRemove'),
      okButtonProps: { danger: true },
      cancelText: t('sitesPage.emptiedKeep'),
      onOk: async () => {
        for (const base of emptied) {
          const removed = await api.sites.removeBase({ id: base.id });
          if (!removed.ok) return void message.error(errorText(removed.error));
        }
        message.success(t('sitesPage.emptiedRemoved', { names }));
      },
    });
  };
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('sitesPage.title')}
        </Typography.Title>
        <Space>
          <Button
            icon={<UploadOutlined />}
            onClick={() =>
              void importer.run({
                source: 'sites',
                title: t('sitesPage.importTitle'),
                whoLabel: t('sitesPage.pointName'),
                preview: (grant, jobId) => api.sites.importPreview({ grant, jobId }),
                commit: (grant, token, jobId) => api.sites.import({ grant, token, jobId }),
                done: (result) => t('sitesPage.imported', { basesAdded: result.bases.added, ...result.points }),
                after: (result) => offerRemoval(result.emptiedBases),
              })
            }
          >
            {t('sitesPage.import')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => setDialog({ kind: 'export' })}>
            {t('sitesPage.export')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'base' })}>
            {t('sitesPage.addBase')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() =>
              setDialog({ kind: 'point', baseId: baseOfSelected && baseOfSelected.id > 0 ? baseOfSelected.id : null })
            }
          >
            {t('sitesPage.addPoint')}
          </Button>
        </Space>
      </Flex>
      {importer.dialog}
      <Row gutter={16} wrap={false}>
        <Col flex="340px">
          <Card size="small">
            <Input.Search
              allowClear
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              placeholder={t('sitesPage.searchPlaceholder')}
              aria-label={t('fields.search')}
              style={{ marginBottom: 12 }}
            />
            {tree.data?.approximate && (
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('roster.approximate', { query: search })} />
            )}
            {bases.length === 0 && !tree.loading ? (
              <Empty description={t('sitesPage.empty')} />
            ) : (
              <Tree
                data-testid="sites-tree"
                blockNode
                treeData={treeData}
                expandedKeys={treeData.map((node) => node.key).filter((key) => !collapsed.has(key))}
                onExpand={(_keys, { node, expanded }) =>
                  setCollapsed((closed) => {
                    const next = new Set(closed);
                    if (expanded) next.delete(String(node.key));
                    else next.add(String(node.key));
                    return next;
                  })
                }
                selectedKeys={selected === undefined ? [] : [selected]}
                onSelect={(keys: Key[]) => {
                  const [key] = keys;
                  if (typeof key === 'number') navigate(`/sites/${key}${search ? `?q=${encodeURIComponent(search)}` : ''}`);
                }}
              />
            )}
          </Card>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {selected === undefined ? (
            <Card size="small">
              <Empty description={t('sitesPage.choose')} />
            </Card>
          ) : (
            <PointView id={selected} onEdit={(point) => setDialog({ kind: 'point', point })} />
          )}
        </Col>
      </Row>
      {dialog?.kind === 'base' && <BaseFormModal editing={dialog.base} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'baseDetails' && detailed && (
        <BaseDrawer
          base={detailed}
          onEdit={() => setDialog({ kind: 'base', base: detailed })}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'point' && (
        <PointFormModal
          editing={dialog.point}
          baseId={dialog.baseId}
          onClose={() => setDialog(undefined)}
          onSaved={(saved) => navigate(`/sites/${saved}`)}
        />
      )}
      {dialog?.kind === 'export' && (
        <ExportDialog
          title={t('sitesPage.export')}
          onClose={() => setDialog(undefined)}
          request={() => ({
            fileName: fileNameOf(t('sites.title'), 'xlsx'),
            format: 'xlsx',
            start: (grant, jobId) => api.sites.export({ grant, jobId }),
          })}
        >
          <Typography.Paragraph>
            {t('sitesPage.exportHelp', { bases: bases.length, points: bases.reduce((sum, base) => sum + base.points.length, 0) })}
          </Typography.Paragraph>
        </ExportDialog>
      )}
    </Flex>
  );
};
