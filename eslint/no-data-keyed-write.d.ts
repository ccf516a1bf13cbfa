import type { Rule } from 'eslint';

export declare const noDataKeyedWrite: Rule.RuleModule;
