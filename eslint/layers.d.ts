import type { Linter } from 'eslint';

export declare const forgeBoundary: readonly unknown[];
export declare const layers: Linter.Config[];
