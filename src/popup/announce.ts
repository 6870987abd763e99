// The popup's one live region is fed through this callback; errors cross contexts as text.
export type Announce = (message: string) => void;

export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));
