// Content script entry (every site, document_idle). It asks the background whether this site is
// auto-scanned, scans the feed when it is, and answers right-click "Verify image" on every site.
import browser from 'webextension-polyfill';
import type { BackgroundToContent, ContentToBackground } from '../shared/messages';
import { listen, send } from '../shared/messaging';
import { backgroundToContent } from '../shared/protocol-rules';
import { findImage, trackContextMenuTarget } from './context-menu';
import { watchNavigation } from './navigation';
import { ImageChecker, type CancelCheck, type CheckImage } from './scan/checker';
import { FeedScanner } from './scan/feed-scanner';
import { ReleaseWatcher } from './scan/release-watcher';
import { adapterFor } from './sites';

type SiteSettings = ContentToBackground['site-settings']['res'];

const SETTINGS_TIMEOUT_MS = 10_000;
/** The service worker may be killed while a check is in flight (MV3): the request is sent again. */
const CHECK_ATTEMPTS = 3;
/**
 * Per attempt. The answer includes the wait in the background's queue behind other tabs' checks, which
 * must not fail a check (the background times the model's work itself); a repeat joins the same check.
 */
const CHECK_TIMEOUT_MS = 60_000;
const CANCEL_TIMEOUT_MS = 5_000;

/** Errors of the transport (service worker gone, channel closed), as opposed to answers. */
function transportError(err: unknown): boolean {
  const m = err instanceof Error ? err.message : String(err);
  return /message (port|channel) closed|Receiving end does not exist|no handler answered|no answer within/i.test(m);
}

function start(): void {
  const life = new AbortController();
  const checkImage: CheckImage = async (req) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send<ContentToBackground, 'check-image'>('background', 'check-image', req, CHECK_TIMEOUT_MS);
      } catch (err) {
        // The extension was reloaded or removed: this script is orphaned and must stop touching the page.
        if (!browser.runtime?.id) {
          shutDown();
          throw err;
        }
        // The background answers the retry from its cache or the offscreen document's recent answers.
        if (attempt >= CHECK_ATTEMPTS || !transportError(err)) throw err;
      }
    }
  };
  // Fire and forget: if the worker is gone, so is the queue the request waited in.
  const cancelCheck: CancelCheck = (url) =>
    void send<ContentToBackground, 'cancel-check'>('background', 'cancel-check', { url }, CANCEL_TIMEOUT_MS).catch(() => undefined);
  const checker = new ImageChecker(checkImage, undefined, undefined, cancelCheck);
  const scanner = new FeedScanner(adapterFor(location.hostname), checker);
  // Where the scanner does not run, right-click badges are released by this watcher instead.
  const releaser = new ReleaseWatcher(checker);
  const lastContextTarget = trackContextMenuTarget(life.signal);

  const apply = (s: SiteSettings): void => {
    checker.setBlurAi(s.blurAi === true);
    checker.setMark(typeof s.mark === 'string' ? s.mark : '');
    if (s.autoScan === true) {
      releaser.stop();
      scanner.start();
    } else {
      scanner.stop();
      if (checker.badgeCount > 0) releaser.watch();
    }
  };
  const stopListening = listen<BackgroundToContent>(
    'content',
    backgroundToContent,
    {
      'settings-changed': (s) => apply(s),
      'verify-image': ({ srcUrl }) => {
        const img = findImage(srcUrl, lastContextTarget());
        if (!img) return { found: false };
        void checker.check(img, srcUrl, 'context-menu');
        if (!scanner.running) releaser.watch();
        return { found: true };
      },
    },
  );
  function shutDown(): void {
    scanner.stop();
    releaser.stop();
    stopListening();
    life.abort();
  }
  watchNavigation(() => scanner.navigated(), life.signal);

  send<ContentToBackground, 'site-settings'>('background', 'site-settings', { host: location.hostname }, SETTINGS_TIMEOUT_MS).then(
    apply,
    (err: unknown) => console.warn('DualSight: no site settings, not scanning this page', err),
  );
}

start();
