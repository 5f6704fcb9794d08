import { App, Button, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Survey, SurveyResponse } from '../../../../shared/surveys/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import './response-grid.css';

type Row = { id?: number; scores: (number | null)[]; comment: string };

// Questionnaires typed in as fast as a stack of paper allows: a digit 1–5 fills the cell and moves on,
// Backspace clears, Enter (or the last score) goes to the next questionnaire, which appears as needed.
export const ResponseGrid = ({
  survey,
  responses,
  readOnly,
}: {
  survey: Survey;
  responses: readonly SurveyResponse[];
  readOnly: boolean;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { reportFailure } = useErrorText();
  const blank = (): Row => ({ scores: survey.items.map(() => null), comment: '' });
  const [rows, setRows] = useState<Row[]>(() => [...responses.map((r) => ({ ...r, scores: [...r.scores] })), blank()]);
  const [dirty, setDirty] = useState(false);
  // Where the next digit goes. Kept in a ref as well as in state: keys typed faster than the screen
  // redraws must each land in the cell after the one before.
  const cursorRef = useRef({ row: 0, column: 0 });
  const [cursor, setCursor] = useState({ row: 0, column: 0 });
  const moveTo = (row: number, column: number) => {
    cursorRef.current = { row: Math.max(0, row), column: Math.max(0, Math.min(survey.items.length - 1, column)) };
    setCursor(cursorRef.current);
  };
  const grid = useRef<HTMLDivElement>(null);

  const update = (index: number, change: (row: Row) => Row) => {
    setDirty(true);
    setRows((current) => {
      const next = current.map((row, at) => (at === index ? change(row) : row));
      const last = next.at(-1);
      // Always one empty questionnaire at the end to type into.
      if (last && (last.scores.some((score) => score !== null) || last.comment !== '')) next.push(blank());
      return next;
    });
  };
  const setScore = (row: number, column: number, score: number | null) =>
    update(row, (current) => ({ ...current, scores: current.scores.map((value, at) => (at === column ? score : value)) }));

  const onKey = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (readOnly) return;
    const { row, column } = cursorRef.current;
    const items = survey.items.length;
    if (/^[1-5]$/.test(event.key)) {
      event.preventDefault();
      setScore(row, column, Number(event.key));
      if (column + 1 < items) moveTo(row, column + 1);
      else moveTo(row + 1, 0);
    } else if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      setScore(row, column, null);
    } else if (event.key === 'Enter' || event.key === 'ArrowDown') {
      event.preventDefault();
      moveTo(Math.min(rows.length - 1, row + 1), column);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      moveTo(row - 1, column);
    } else if (event.key === 'ArrowRight') moveTo(row, column + 1);
    else if (event.key === 'ArrowLeft') moveTo(row, column - 1);
  };

  const save = async () => {
    const result = await api.surveys.saveResponses({
      surveyId: survey.id,
      responses: rows
        .filter((row) => row.id !== undefined || row.scores.some((score) => score !== null) || row.comment !== '')
        .map((row) => ({ ...(row.id === undefined ? {} : { id: row.id }), scores: row.scores, comment: row.comment })),
    });
    if (!result.ok) return reportFailure(message, result.error);
    message.success(t('surveysPage.saved', { count: result.value.survey.responses }));
    setDirty(false);
  };

  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('surveysPage.gridHelp')}</Typography.Text>
      <div
        className="response-grid"
        data-testid="response-grid"
        ref={grid}
        tabIndex={0}
        role="grid"
        aria-label={t('surveysPage.grid')}
        onKeyDown={onKey}
      >
        <table>
          <thead>
            <tr>
              <th>{t('surveysPage.number')}</th>
              {survey.items.map((item, index) => (
                <th key={index} title={item}>
                  {t('surveysPage.itemN', { n: index + 1 })}
                  <div className="response-grid-item">{item}</div>
                </th>
              ))}
              <th>{t('surveysPage.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                <td className="response-grid-number">{r + 1}</td>
                {row.scores.map((score, c) => (
                  <td
                    key={c}
                    role="gridcell"
                    aria-label={t('surveysPage.cell', { row: r + 1, n: c + 1 })}
                    aria-selected={cursor.row === r && cursor.column === c}
                    className={cursor.row === r && cursor.column === c ? 'response-grid-cursor' : undefined}
                    onClick={() => {
                      moveTo(r, c);
                      grid.current?.focus();
                    }}
                  >
                    {score ?? ''}
                  </td>
                ))}
                <td>
                  <input
                    className="response-grid-comment"
                    aria-label={t('surveysPage.commentOf', { row: r + 1 })}
                    value={row.comment}
                    readOnly={readOnly}
                    maxLength={2000}
                    onChange={(event) => update(r, (current) => ({ ...current, comment: event.target.value }))}
                    // Typing a comment is typing: the grid's keys stay out of it.
                    onKeyDown={(event) => event.stopPropagation()}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Flex gap={8}>
        <Button type="primary" disabled={readOnly || !dirty} onClick={() => void save()}>
          {t('surveysPage.save')}
        </Button>
      </Flex>
    </Flex>
  );
};
