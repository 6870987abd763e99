// Types for shared-dir.mjs (plain JavaScript so that the .mjs tools can import it too).
export declare const sharedDir: string;
export declare const hasShared: boolean;
export declare function sharedPath(...parts: string[]): string;
export declare const datasetDir: string;
