import type { Settings } from '../../shared/settings';

/** Saves a change and announces `done` once the background has accepted it. */
export type SaveSettings = (patch: Partial<Settings>, done: string) => Promise<void>;
