/** The dependencies capability's pure core: plain data in, plain data out. */
export * from './model';
export * from './link-types';
export * from './teams';
export * from './read';
export * from './analyse';
export * from './quarter';
export * from './snapshot';
export * from './export';
export * from './publish';
export * from './settings';
export * from './risk-rules';
export * from './agreements';
