import { useEffect, useEffectEvent } from 'react';

const typingInto = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

// A dialog in front, really showing: a closed one's frame can linger in the document, empty and
// transparent, until its closing animation is done with.
const dialogInFront = () =>
  [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap .ant-modal')].some((dialog) =>
    dialog.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
  );

// "ctrl+n" (Cmd on macOS), "alt+arrowleft", or a plain key like "/" that is ignored while the user is typing.
export const useHotkey = (combo: string, handler: () => void, enabled = true) => {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const parts = combo.toLowerCase().split('+');
    const key = parts.at(-1);
    const wantsCtrl = parts.includes('ctrl');
    const ctrl = event.ctrlKey || event.metaKey;
    if (event.key.toLowerCase() !== key || ctrl !== wantsCtrl || event.altKey !== parts.includes('alt')) return;
    if (!wantsCtrl && typingInto(event.target)) return;
    // A dialog in front owns the keyboard.
    if (dialogInFront()) return;
    event.preventDefault();
    handler();
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
};
