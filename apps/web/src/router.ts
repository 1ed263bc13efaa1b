import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};

let navigated = false;
/** Whether the user has moved within the app (then a new screen takes focus; on first load the page keeps it). */
export const hasNavigated = (): boolean => navigated;

export const navigate = (to: string): void => {
  if (to === window.location.pathname + window.location.search) return;
  navigated = true;
  window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
};

export const usePath = (): string => useSyncExternalStore(subscribe, () => window.location.pathname);

/** `/participants/:id` against a path: the parameters, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i] as string;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(have[i] as string);
    else if (part !== have[i]) return null;
  }
  return params;
}
