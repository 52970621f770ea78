import { type RefObject, useEffect, useRef } from 'react';

interface Focusable {
  focus(): void;
}

/**
 * When a reply replaces the control that had focus (a widget locks itself
 * after a click), keyboard users would be left on <body>. Once the reply is
 * done, put them back in the composer. Pointer users are left alone, so a
 * phone's keyboard does not pop up after a tap.
 */
export function useFocusRecovery(busy: boolean, target: RefObject<Focusable | null>): void {
  const usingKeyboard = useRef(false);
  useEffect(() => {
    const onKey = () => (usingKeyboard.current = true);
    const onPointer = () => (usingKeyboard.current = false);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, []);
  useEffect(() => {
    if (busy || !usingKeyboard.current) return;
    const active = document.activeElement;
    if (!active || active === document.body) target.current?.focus();
  }, [busy, target]);
}
