// Light or dark: the user's choice, or the device's (prefers-color-scheme) when
// the choice is "system". Sets data-theme on <html> so the CSS variables follow.
import { useEffect, useSyncExternalStore } from 'react';
import { useTheme } from '../../store/selectors.ts';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export function useEffectiveTheme(): { dark: boolean } {
  const choice = useTheme();
  const deviceDark = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
  const dark = choice === 'dark' || (choice === 'system' && deviceDark);
  useEffect(() => {
    document.documentElement.dataset['theme'] = dark ? 'dark' : 'light';
  }, [dark]);
  return { dark };
}
