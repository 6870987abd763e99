// SPA navigation (history.pushState on X and new Reddit) is invisible to a content script's own
// `history` patching: the page calls pushState in its own JavaScript world. The Navigation API's
// `currententrychange` reaches every world; a 1 s poll of location covers browsers without it.

/** Calls `onNavigate` when the page's path or query changes (not on hash-only changes). */
export function watchNavigation(onNavigate: () => void, signal: AbortSignal): void {
  const where = (): string => location.href.replace(/#.*$/, '');
  let last = where();
  const check = (): void => {
    const now = where();
    if (now === last) return;
    last = now;
    onNavigate();
  };
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('currententrychange', check, { signal });
  addEventListener('popstate', check, { signal });
  const poll = setInterval(check, 1000);
  signal.addEventListener('abort', () => clearInterval(poll), { once: true });
}
