import { generic } from './generic';
import { reddit } from './reddit';
import type { SiteAdapter } from './site-adapter';
import { twitter } from './twitter';

export type { SiteAdapter } from './site-adapter';

/** The adapter for a hostname; the generic one when no site adapter knows it. */
export function adapterFor(host: string): SiteAdapter {
  return [twitter, reddit].find((a) => a.matches(host)) ?? generic;
}
