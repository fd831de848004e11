// Types for scripts/startOptions.js (plain JavaScript: it runs before `npm ci`).
export declare const DEFAULT_PORT: number;
export declare const HOST: string;
export declare const HELP: string;
export declare const NODE_REQUIREMENT: string;
export declare class StartUsageError extends Error {}
export type StartArgs = { help: true } | { help: false; port: number; web: boolean };
export declare function parseStartArgs(argv: readonly string[]): StartArgs;
export declare function assertPortFree(port: number, host?: string): Promise<void>;
export declare function demoDir(root: string, port: number): string;
export declare function claimDemoDir(dir: string, port: number, pid?: number): () => void;
export declare function nodeVersionSupported(version?: string): boolean;
