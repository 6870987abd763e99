// Text helpers for evidence shown to people: bounded length, printable.

export function truncate(s: string, max: number): string {
  const clean = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}
