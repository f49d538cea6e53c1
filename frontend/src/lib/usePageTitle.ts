import { useEffect } from 'react';

/** Names the browser tab "<title> · Bullpen" (the pages with a PageHeader get this from it). */
export function usePageTitle(title: string) {
  useEffect(() => {
    if (title) document.title = `${title} · Bullpen`;
  }, [title]);
}
