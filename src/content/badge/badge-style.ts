// Styles inside the badge's shadow root. `:host{all:initial}` stops inherited page styles; the host's
// own guard and box (visibility, position, size) are set inline with !important (host-element.ts,
// placement.ts) because page rules that target the host element itself would otherwise win over :host.

export const BADGE_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.frame { position: absolute; inset: 0; pointer-events: none;
  font: 600 12px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.badge { pointer-events: auto; position: absolute; top: 6px; left: 6px; z-index: 2;
  max-width: calc(100% - 12px); overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
  margin: 0; padding: 3px 8px; border: 0; border-radius: 999px; cursor: pointer;
  font: inherit; color: #fff; background: #5f6368; box-shadow: 0 1px 3px rgba(0,0,0,.4); }
.badge:focus-visible { outline: 2px solid #fff; outline-offset: 1px; box-shadow: 0 0 0 4px #1a73e8; }
.badge[data-tone="ai"], .badge[data-tone="declared-ai"] { background: #c5221f; }
.badge[data-tone="unsure"] { background: #f9ab00; color: #202124; }
.badge[data-tone="real"] { background: #137333; }
.badge[data-tone="camera"] { background: #1967d2; }
.badge[data-tone="unscored"] { background: #455a64; }
.badge[data-tone="failed"] { background: #3c4043; }
.cover { pointer-events: auto; position: absolute; inset: 0; z-index: 1; margin: 0; border: 0;
  padding: 40px 8px 8px; cursor: pointer; font: inherit; color: #fff; background: rgba(32,33,36,.35);
  -webkit-backdrop-filter: blur(24px); backdrop-filter: blur(24px); }
.cover[hidden] { display: none; }
.card { pointer-events: auto; margin: 0; padding: 12px 14px; width: 300px; max-width: 90vw;
  overflow: auto; border: 1px solid #dadce0; border-radius: 10px;
  font: 400 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #202124; background: #fff; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
/* Placed beside its badge by card-placement.ts, which caps its height to the room it gets. */
.card h2 { margin: 0 0 6px; font-size: 15px; }
.card h3 { margin: 10px 0 4px; font-size: 12px; text-transform: uppercase; color: #5f6368; }
.card p { margin: 0 0 6px; }
.card p.mark { margin: 0 0 6px; font-size: 12px; color: #5f6368; }
.card ul { margin: 0; padding: 0 0 0 18px; }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 8px 0 0; }
.card dt { color: #5f6368; }
.card dd { margin: 0; word-break: break-all; }
`;
