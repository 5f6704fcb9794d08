import { Dropdown, type MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../shared/schedule/schemas';

export const sessionActions = ['edit', 'attendance', 'signin', 'duplicate', 'delete'] as const;
export type SessionAction = (typeof sessionActions)[number];

// An archived class is read-only, but its attendance can still be looked at and its sheets printed.
export const actionsFor = (readOnly: boolean): readonly SessionAction[] => (readOnly ? ['attendance', 'signin'] : sessionActions);

const actionMenu = (t: TFunction, actions: readonly SessionAction[], pick: (action: SessionAction) => void): MenuProps => ({
  items: actions.map((action) => ({ key: action, label: t(`schedulePage.actions.${action}`), danger: action === 'delete' })),
  onClick: ({ key }) => {
    const action = sessionActions.find((candidate) => candidate === key);
    if (action) pick(action);
  },
});

export type MenuAt = { session: Session; x: number; y: number };

// One menu for the whole schedule, opened where it was asked for (a card's ⋮, a right click, a
// row's ⋮): a menu per card would cost more to draw than the cards themselves.
export const SessionMenu = ({
  at,
  actions,
  onAction,
  onClose,
}: {
  at: MenuAt | undefined;
  actions: readonly SessionAction[];
  onAction: (action: SessionAction, session: Session) => void;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  if (!at) return null;
  return (
    <Dropdown
      open
      key={`${at.session.id}:${at.x}:${at.y}`}
      trigger={['click']}
      onOpenChange={(open) => !open && onClose()}
      menu={actionMenu(t, actions, (action) => {
        onClose();
        onAction(action, at.session);
      })}
    >
      <span style={{ position: 'fixed', left: at.x, top: at.y, width: 1, height: 1 }} />
    </Dropdown>
  );
};
