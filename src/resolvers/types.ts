import type { Result } from '../contract/result';
import type { ResolverFn } from './define';

/** The data type inside a resolver's `Result`. */
export type DataOf<F> = F extends (...args: never[]) => Result<infer T> ? T : never;

/** The resolver functions that implement a set of definitions, key for key. */
export type ResolverMap<D> = { [K in keyof D & string]: ResolverFn<DataOf<D[K]>> };
