import { useEffect, useState } from 'react';
import { type Branding, DEFAULT_BRANDING, applyBranding, fetchBranding } from './branding';

/** Branding as configured on the server; the defaults show until (or if never) it answers. */
export function useBranding(fetchImpl?: typeof fetch): Branding {
  const [branding, setBranding] = useState<Branding>(DEFAULT_BRANDING);
  useEffect(() => {
    let live = true;
    fetchBranding(fetchImpl ?? ((input, init) => globalThis.fetch(input, init)))
      .then((loaded) => {
        if (!live) return;
        setBranding(loaded);
        applyBranding(loaded);
      })
      .catch(() => {
        // Without branding the page keeps its defaults; nothing for the visitor to act on.
      });
    return () => {
      live = false;
    };
  }, [fetchImpl]);
  return branding;
}
