// Components read the run session through this hook, with a selector.
import { useStore } from 'zustand';
import { runSession, type RunSessionState } from './runSession.ts';

export function useRunSession<T>(selector: (state: RunSessionState) => T): T {
  return useStore(runSession, selector);
}
