// Keeps location.hash in step with the shareable state, and the state in step with hash edits / back button.
import { useEffect, useRef } from 'react';
import type { ToolStates } from './tool-registry';
import { parseUrlState, serializeUrlState, type UrlState } from './url-state';

export function useUrlSync(state: UrlState, onExternalChange: (s: UrlState) => void): void {
  const written = useRef<string>('');
  const hash = serializeUrlState(state);
  useEffect(() => {
    if (hash !== window.location.hash) {
      written.current = hash;
      window.history.replaceState(null, '', hash);
    }
  }, [hash]);
  const cb = useRef(onExternalChange);
  cb.current = onExternalChange;
  const tools = useRef<ToolStates>(state.tools);
  tools.current = state.tools;
  useEffect(() => {
    const onHash = () => {
      if (window.location.hash === written.current) return;
      cb.current(parseUrlState(window.location.hash, tools.current));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
}
