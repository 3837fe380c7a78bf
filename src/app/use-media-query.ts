// Layout hooks: a CSS media query (the phone layout switch) and an element's height (the bottom sheet's).
import { useEffect, useState, useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', onChange);
      return () => mql.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Height in CSS pixels of the element with this id, kept current with a ResizeObserver; null when not tracked. */
export function useElementHeight(id: string | null): number | null {
  const [height, setHeight] = useState<number | null>(null);
  useEffect(() => {
    const el = id ? document.getElementById(id) : null;
    if (!el) {
      setHeight(null);
      return;
    }
    const observer = new ResizeObserver(() => setHeight(Math.round(el.getBoundingClientRect().height)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [id]);
  return height;
}
