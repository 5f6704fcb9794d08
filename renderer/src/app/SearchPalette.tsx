import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Modal, Tag, Typography } from 'antd';
import { type KeyboardEvent, lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type Everywhere, type SearchHit, type SearchKind } from '../../../shared/search/schemas';
import { api } from '../api';
import { useHotkey } from '../components/use-hotkey';
import { readRecent, remember } from './recent';
import './search-palette.css';

// A report opened from the palette: its drawer (the outcome form, the viewer) is code the first
// screen need not parse, loaded when a report is chosen.
const ReportDrawer = lazy(async () => ({ default: (await import('../features/reports/ReportDrawer')).ReportDrawer }));

const routeOf = (hit: SearchHit): string | undefined => {
  switch (hit.kind) {
    case 'class':
      return `/classes/${hit.id}`;
    case 'trainee':
      return `/trainees/${hit.id}`;
    case 'staff':
      return `/staff/${hit.id}`;
    case 'site':
      return `/sites/${hit.id}`;
    case 'household':
      return `/sites/${hit.parentId ?? ''}`;
    case 'report':
      // A report opens in its drawer, over the page the person is on.
      return undefined;
  }
};

// Search everywhere (Ctrl+K): classes, trainees, staff, teaching points, households and reports in
// one box; ↑ ↓ to choose, Enter to open, Esc to close. With nothing typed, the recently opened.
export const SearchPalette = ({ open, onOpen, onClose }: { open: boolean; onOpen: () => void; onClose: () => void }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [report, setReport] = useState<number>();

  useHotkey('ctrl+k', onOpen);

  const choose = (hit: SearchHit) => {
    remember(hit);
    onClose();
    const route = routeOf(hit);
    if (route) navigate(route);
    else setReport(hit.id);
  };

  return (
    <>
      <Modal
        open={open}
        onCancel={onClose}
        footer={null}
        closable={false}
        width={640}
        title={null}
        styles={{ body: { padding: 0 } }}
        aria-label={t('palette.title')}
        className="search-palette"
        // It comes and goes at once, as a palette does (and a closing animation interrupted by the
        // drawer of the report it opened would leave its frame in front, holding the keyboard).
        transitionName=""
        maskTransitionName=""
        // Each time it opens, empty, with what was opened lately.
        destroyOnHidden
      >
        <PaletteBody onChoose={choose} />
      </Modal>
      {report !== undefined && (
        <Suspense>
          <ReportDrawer reportId={report} onClose={() => setReport(undefined)} />
        </Suspense>
      )}
    </>
  );
};

type Shown = { kind: SearchKind | 'recent'; total: number; approximate: boolean; hits: (SearchHit & { index: number })[] };

const PaletteBody = ({ onChoose }: { onChoose: (hit: SearchHit) => void }) => {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<Everywhere>();
  const [active, setActive] = useState(0);
  const [recent] = useState(readRecent);
  const asked = query.trim();

  // Each keystroke asks again; only the answer to the latest question is kept.
  useEffect(() => {
    if (asked === '') return;
    let current = true;
    void api.search.everywhere({ query: asked }).then((result) => {
      if (current && result.ok) setAnswer(result.value);
    });
    return () => {
      current = false;
    };
  }, [asked]);

  const found = answer?.query === asked ? answer : undefined;
  const listed =
    asked !== ''
      ? (found?.groups ?? [])
      : recent.length > 0
        ? [{ kind: 'recent' as const, total: recent.length, approximate: false, hits: recent }]
        : [];
  // Every hit numbered in the order the arrows walk them.
  const groups: Shown[] = listed.map((g, n) => {
    const before = listed.slice(0, n).reduce((sum, x) => sum + x.hits.length, 0);
    return { ...g, hits: g.hits.map((hit, i) => ({ ...hit, index: before + i })) };
  });
  const flat = groups.flatMap((g) => g.hits);
  const chosen = Math.min(active, Math.max(0, flat.length - 1));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (flat.length === 0) return;
      setActive((chosen + (event.key === 'ArrowDown' ? 1 : flat.length - 1)) % flat.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = flat[chosen];
      if (hit) onChoose(hit);
    }
  };

  return (
    <>
      <Input
        autoFocus
        size="large"
        variant="borderless"
        prefix={<SearchOutlined />}
        placeholder={t('palette.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        aria-label={t('palette.title')}
        aria-controls="search-palette-results"
        aria-activedescendant={flat[chosen] ? `search-hit-${chosen}` : undefined}
        maxLength={50}
      />
      <div className="palette-results" id="search-palette-results" role="listbox" aria-label={t('palette.results')}>
        {groups.map((g) => (
          <div key={g.kind} role="group" aria-label={t(`palette.kinds.${g.kind}`)} data-testid={`palette-group-${g.kind}`}>
            <div className="palette-group">
              {t(`palette.kinds.${g.kind}`)}
              {g.kind !== 'recent' && (
                <span className="palette-count">
                  {g.total > g.hits.length
                    ? t('palette.moreOf', { shown: g.hits.length, total: g.total })
                    : t('palette.count', { count: g.total })}
                  {g.approximate ? t('palette.approximate') : ''}
                </span>
              )}
            </div>
            {g.hits.map((hit) => (
              <div
                key={`${hit.kind}:${hit.id}`}
                id={`search-hit-${hit.index}`}
                role="option"
                aria-selected={hit.index === chosen}
                className={`palette-hit${hit.index === chosen ? ' palette-hit-active' : ''}`}
                onMouseEnter={() => setActive(hit.index)}
                onClick={() => onChoose(hit)}
              >
                {g.kind === 'recent' && <Tag>{t(`palette.kinds.${hit.kind}`)}</Tag>}
                <Typography.Text strong>{hit.title}</Typography.Text>
                <Typography.Text type="secondary" ellipsis className="palette-detail">
                  {hit.detail.join(t('palette.separator'))}
                </Typography.Text>
              </div>
            ))}
          </div>
        ))}
        {found && groups.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('palette.none', { query: asked })} />
        )}
        {asked === '' && groups.length === 0 && (
          <Typography.Paragraph type="secondary" className="palette-hint">
            {t('palette.hint')}
          </Typography.Paragraph>
        )}
      </div>
      <div className="palette-keys">{t('palette.keys')}</div>
    </>
  );
};
