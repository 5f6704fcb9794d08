import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';

export const sessionActions = ['edit', 'attendance', 'duplicate', 'delete'] as const;
export type SessionAction = (typeof sessionActions)[number];

// An archived class is read-only, but its attendance can still be looked at.
export const actionsFor = (readOnly: boolean): readonly SessionAction[] => (readOnly ? ['attendance'] : sessionActions);

// The same menu on a card in the week and on a row of the list.
export const actionMenu = (
  t: TFunction,
  actions: readonly SessionAction[],
  pick: (action: SessionAction) => void,
): MenuProps => ({
  items: actions.map((action) => ({ key: action, label: t(`schedulePage.actions.${action}`), danger: action === 'delete' })),
  onClick: ({ key, domEvent }) => {
    domEvent.stopPropagation();
    const action = sessionActions.find((candidate) => candidate === key);
    if (action) pick(action);
  },
});
