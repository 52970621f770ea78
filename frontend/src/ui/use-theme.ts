/**
 * Light or dark: the system's choice until the visitor picks one. index.html
 * sets the same attribute before the first paint, so there is no flash.
 */

import { useCallback, useEffect, useState } from 'react';
import type { ThemeName } from '../protocol';
import { safeLocalStorage } from '../chat/thread-memory';

const KEY = 'returndesk.theme';

function systemTheme(): ThemeName {
  return typeof window !== 'undefined' &&
    window.matchMedia?.('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

function storedTheme(): ThemeName | null {
  try {
    const value = safeLocalStorage()?.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

export interface ThemeControl {
  theme: ThemeName;
  toggle(): void;
}

export function useTheme(): ThemeControl {
  const [chosen, setChosen] = useState<ThemeName | null>(storedTheme);
  const [system, setSystem] = useState<ThemeName>(systemTheme);
  const theme = chosen ?? system;

  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return;
    const update = () => setSystem(query.matches ? 'dark' : 'light');
    query.addEventListener?.('change', update);
    return () => query.removeEventListener?.('change', update);
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const toggle = useCallback(() => {
    const next: ThemeName = theme === 'dark' ? 'light' : 'dark';
    setChosen(next);
    try {
      safeLocalStorage()?.setItem(KEY, next);
    } catch {
      // Not persisted; the choice still holds for this visit.
    }
  }, [theme]);

  return { theme, toggle };
}
