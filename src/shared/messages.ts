// Typed message protocols, one per pair of contexts. Each map names a message and gives its request
// and response types. Transport, timeouts and validation live in ./messaging.ts.

import type { CheckResult, Verdict } from './verdict';
import type { HistoryEntry, HistoryQuery, HistoryProblem } from './history-types';
import type { Settings } from './settings';
import type { TrustConfig } from './provenance/trust/list-file';
import type { TrustListStatus } from './trust-status';

/** Where an image to check was found. */
export type ImageOrigin = 'feed' | 'context-menu';

/** Content script -> background (untrusted: validated in the background before acting). */
export type ContentToBackground = {
  'check-image': {
    req: { url: string; origin: ImageOrigin; pageUrl: string; alt?: string };
    res: CheckResult;
  };
  /**
   * The content script released an image (it left the document) whose check it had sent and not had
   * answered: a request still waiting in the queue is dropped if no one else wants it.
   */
  'cancel-check': { req: { url: string }; res: void };
  'site-settings': {
    req: { host: string };
    res: { autoScan: boolean; blurAi: boolean; mark: string };
  };
};

/** Background -> content script (in a given tab). */
export type BackgroundToContent = {
  /** A "Verify image" click: the content script badges the matching image and returns whether it found it. */
  'verify-image': { req: { srcUrl: string }; res: { found: boolean } };
  'settings-changed': { req: { autoScan: boolean; blurAi: boolean; mark: string }; res: void };
};

export type BackendChoice = 'auto' | 'webgpu' | 'wasm';

export interface EngineStatus {
  model: string | null;
  backend: string | null;
  /** The active model's own thresholds (the popup's "model default" sensitivity). */
  thresholds?: { ai: number; real: number };
  /** Size of the model file in bytes. */
  bytes?: number;
  /** Why WebGPU is not in use, when it is not. */
  note?: string;
  error?: string;
}

/** Background -> offscreen document (the only context that runs the model). */
export type BackgroundToOffscreen = {
  infer: {
    /** The verdict's parameters arrive with each request (the host keeps no settings): see verdict-cache.ts.
     *  `trust`: the C2PA trust anchors for this check (the host keeps none of its own). */
    req: { url: string; wantThumbnail: boolean; backend: BackendChoice; aiThreshold: number | null; objectLimit: number; trust?: TrustConfig };
    res: { ok: true; verdict: Verdict; thumbnail?: string } | { ok: false; error: string };
  };
  'engine-status': { req: { backend: BackendChoice }; res: EngineStatus };
  /** Loads and runs a model ("builtin" or "name@version") once, without making it active. */
  'model-check': { req: { id: string }; res: { ok: true } | { ok: false; error: string } };
};

/** Popup / options page -> background (privileged: only from the extension's own pages). */
export type PageToBackground = {
  'history:list': { req: HistoryQuery; res: HistoryEntry[] };
  'history:delete': { req: { id: string }; res: void };
  'history:clear': { req: Record<string, never>; res: void };
  'history:problem': { req: Record<string, never>; res: HistoryProblem | null };
  'settings:get': { req: Record<string, never>; res: Settings };
  'settings:set': { req: Partial<Settings>; res: Settings };
  'engine:status': { req: Record<string, never>; res: EngineStatus };
  /** Makes an installed model active after checking that it loads and runs; refused with the reason. */
  'model:activate': { req: { id: string }; res: EngineStatus };
  /** The C2PA trust list in use: dates, source, staleness, the user's anchors. */
  'trust:status': { req: Record<string, never>; res: TrustListStatus };
  /** Imports a trust list file (PEM bundle or the C2PA LoTE JSON); refused with the reason. */
  'trust:import': { req: { text: string; name: string }; res: TrustListStatus };
  /** Replaces the user's own anchors (PEM; empty removes them). */
  'trust:anchors': { req: { pem: string }; res: TrustListStatus };
  /** Downloads the list now (when downloads are on). */
  'trust:refresh': { req: Record<string, never>; res: TrustListStatus };
};

export type Protocol = Record<string, { req: unknown; res: unknown }>;
