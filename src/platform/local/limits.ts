import type { TwinObserver } from './meter';

/**
 * What Forge refuses, in one place, so that the local twins (stores, inline queue, playground resolver host)
 * refuse it too. Each figure and its Atlassian source is listed in docs/forge-limits.md; the defaults are Forge's,
 * and a test or a bench passes lower (or higher) figures through `LocalLimitOptions`.
 */
export interface ForgeLimits {
  /** Runtime of one resolver invocation (a Custom UI `invoke`). */
  readonly resolverSeconds: number;
  /** Runtime of a queue consumer: manifest.yml's `timeoutSeconds` of `hygiene-scan` (Forge: 55 by default, 900 at most). */
  readonly consumerSeconds: number;
  /** Payload of one `invoke`, JSON in UTF-8. */
  readonly invokePayloadBytes: number;
  /** Response of one `invoke`, JSON in UTF-8. */
  readonly invokeResponseBytes: number;
  /** A KVS key's length, in characters. */
  readonly kvsKeyChars: number;
  /** A KVS value, JSON in UTF-8. */
  readonly kvsValueBytes: number;
  /** A KVS value's object depth. */
  readonly kvsValueDepth: number;
  /** KVS requests are counted in units of this many bytes, rounded up (a request of 10 KB or less is one). */
  readonly kvsUnitBytes: number;
  /** Read units an installation may spend a minute. */
  readonly kvsReadUnitsPerMinute: number;
  /** Write units an installation may spend a minute. */
  readonly kvsWriteUnitsPerMinute: number;
  /** Events in one `Queue.push`. */
  readonly eventsPerPush: number;
  /** One push's events, JSON in UTF-8 (measured as `@forge/events` measures it before sending). */
  readonly pushBytes: number;
  /** Events an installation may push a minute. */
  readonly eventsPerMinute: number;
  /** An event's `delayInSeconds`. */
  readonly delayInSeconds: number;
  /** Times Forge delivers a failing event again (`retryContext.retryCount` 1 … this). */
  readonly eventRetries: number;
  /** Seconds before a failed event is delivered again (`InvocationError`'s least `retryAfter`). */
  readonly retryAfterSeconds: number;
}

export const FORGE_LIMITS: ForgeLimits = {
  resolverSeconds: 25,
  consumerSeconds: 900,
  invokePayloadBytes: 500 * 1024,
  invokeResponseBytes: 5 * 1024 * 1024,
  kvsKeyChars: 500,
  kvsValueBytes: 240 * 1024,
  kvsValueDepth: 32,
  kvsUnitBytes: 10 * 1024,
  kvsReadUnitsPerMinute: 4000,
  kvsWriteUnitsPerMinute: 4000,
  eventsPerPush: 50,
  pushBytes: 200 * 1024,
  eventsPerMinute: 500,
  delayInSeconds: 900,
  eventRetries: 4,
  retryAfterSeconds: 1,
};

/** Forge KVS's key pattern, as its INVALID_KEY error states it. */
export const KVS_KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

export type ForgeLimitName = keyof ForgeLimits | 'kvsKeyPattern';

/**
 * Thrown by a twin for what Forge would refuse, naming the limit. `code` is the code Forge answers with
 * (`INVALID_KEY`, `MAX_SIZE`, `RATE_LIMIT_EXCEEDED`, `TooManyEventsError`…), so a log reads the same.
 */
export class ForgeLimitError extends Error {
  override readonly name = 'ForgeLimitError';
  constructor(
    readonly limit: ForgeLimitName,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Time as the twins see it: the minute windows of the budgets, and the waits of delayed and retried events.
 * `sleep` is how a twin waits, so a virtual clock can jump over a 15-minute delay at once.
 */
export interface TwinClock {
  now(): number;
  sleep(milliseconds: number): Promise<void>;
}

export const realClock: TwinClock = {
  now: () => Date.now(),
  sleep: (milliseconds) =>
    new Promise((resolve) => {
      setTimeout(resolve, milliseconds);
    }),
};

/** A clock whose waits take no time, so tests need not wait for delayed or retried events (tests, benches). */
export interface VirtualClock extends TwinClock {
  /** Moves the time on, as if `milliseconds` had passed. */
  advance(milliseconds: number): void;
}

/**
 * A clock that follows real time but jumps over every wait at once; given `start`, it stands still at `start`
 * until a twin sleeps or a test advances it, so minute windows are certain.
 */
export function createVirtualClock(start?: number): VirtualClock {
  const origin = start ?? Date.now();
  const base = start === undefined ? () => Date.now() : () => origin;
  let skipped = 0;
  return {
    now: () => base() + skipped,
    advance(milliseconds) {
      skipped += milliseconds;
    },
    sleep(milliseconds) {
      skipped += Math.max(0, milliseconds);
      return Promise.resolve();
    },
  };
}

/** How a twin is told its limits and its clock; absent fields keep Forge's figures and real time. */
export interface LocalLimitOptions {
  readonly limits?: Partial<ForgeLimits> | undefined;
  readonly clock?: TwinClock | undefined;
  /** Told what the twins spend and refuse (a bench's meter, `createTwinMeter`); nobody when absent. */
  readonly observer?: TwinObserver | undefined;
}

export function limitsOf(options: LocalLimitOptions = {}): ForgeLimits {
  return { ...FORGE_LIMITS, ...options.limits };
}

/** The UTF-8 size of a value's JSON, as Forge measures payloads and stored values. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
}

/** A spend counted in fixed one-minute windows, as Forge's per-minute rate limits are. */
export class MinuteBudget {
  private window = Number.NaN;
  private spent = 0;

  constructor(
    private readonly clock: TwinClock,
    private readonly perMinute: () => number,
  ) {}

  /** Spends `amount`, or returns false (spending nothing) when the minute's budget cannot cover it. */
  trySpend(amount: number): boolean {
    const window = Math.floor(this.clock.now() / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.spent = 0;
    }
    if (this.spent + amount > this.perMinute()) return false;
    this.spent += amount;
    return true;
  }
}

/**
 * Runs `work`, refusing it with `ForgeLimitError` once `seconds` have passed, as Forge stops a function at its
 * timeout. Real time: a function's run takes what it takes, whatever clock the budgets keep.
 */
export async function withinSeconds<T>(
  work: Promise<T>,
  seconds: number,
  limit: 'resolverSeconds' | 'consumerSeconds',
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new ForgeLimitError(
          limit,
          'FUNCTION_TIME_OUT',
          `${what} ran over Forge's ${String(seconds)} s limit (${limit}).`,
        ),
      );
    }, seconds * 1000);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
