import { useEffect, useState } from 'react';

/** The location hash, kept current: the app routes inside the page (it is loaded from a file-like origin). */
export function useHash(): [string, (hash: string) => void] {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const update = () => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return [
    hash,
    (next) => {
      if (window.location.hash !== next) window.location.hash = next;
      setHash(next);
    },
  ];
}
