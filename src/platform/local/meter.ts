import type { ForgeLimitError } from './limits';

/** What kind of function Forge ran: a resolver (`invoke`) or a queue consumer's delivery. */
export type InvocationKind = 'resolver' | 'consumer';

/**
 * Told by the local twins what they spent, so a bench can hold a run against Forge's budgets without the app
 * knowing. `at` is the twin clock's time in milliseconds, the clock the minute budgets count in.
 */
export interface TwinObserver {
  /** A KVS request spent `units` read or write units. */
  kvs(kind: 'read' | 'write', units: number, at: number): void;
  /** A queue push was taken with `count` events. */
  events(count: number, at: number): void;
  /** A function ran `ms` of real time (refused or not); `name` is the resolver key or the event's kind. */
  invocation(kind: InvocationKind, name: string, ms: number): void;
  /** A twin refused what Forge would refuse; the app may have caught it, so it is counted here. */
  refused(error: ForgeLimitError): void;
}

export interface LongestInvocation {
  readonly kind: InvocationKind;
  readonly name: string;
  readonly ms: number;
}

export interface MeterReading {
  readonly resolverCalls: number;
  readonly consumerDeliveries: number;
  readonly longest: LongestInvocation | undefined;
  /** The longest invocation of each kind, so each can be held against its own limit. */
  readonly longestMs: Readonly<Record<InvocationKind, number>>;
  /** The most units (or events) spent in one fixed minute window of the twin clock, as Forge counts them. */
  readonly peakKvsReadUnits: number;
  readonly peakKvsWriteUnits: number;
  readonly peakEvents: number;
  /** Refusals by the limit they named (`kvsReadUnitsPerMinute`, `consumerSeconds`…). */
  readonly refusals: Readonly<Record<string, number>>;
}

export interface TwinMeter extends TwinObserver {
  reading(): MeterReading;
  reset(): void;
}

/** Spend per fixed one-minute window, keeping the largest. */
class MinutePeaks {
  private readonly byMinute = new Map<number, number>();

  add(amount: number, at: number): void {
    const minute = Math.floor(at / 60_000);
    this.byMinute.set(minute, (this.byMinute.get(minute) ?? 0) + amount);
  }

  peak(): number {
    return Math.max(0, ...this.byMinute.values());
  }
}

/** An observer that counts what the twins report: invocations, the longest, minute peaks and refusals. */
export function createTwinMeter(): TwinMeter {
  let reads = new MinutePeaks();
  let writes = new MinutePeaks();
  let pushed = new MinutePeaks();
  let calls: Record<InvocationKind, number> = { resolver: 0, consumer: 0 };
  let longestMs: Record<InvocationKind, number> = { resolver: 0, consumer: 0 };
  let longest: LongestInvocation | undefined;
  let refusals = new Map<string, number>();

  return {
    kvs(kind, units, at) {
      (kind === 'read' ? reads : writes).add(units, at);
    },
    events(count, at) {
      pushed.add(count, at);
    },
    invocation(kind, name, ms) {
      calls[kind] += 1;
      longestMs[kind] = Math.max(longestMs[kind], ms);
      if (!longest || ms > longest.ms) longest = { kind, name, ms };
    },
    refused(error) {
      refusals.set(error.limit, (refusals.get(error.limit) ?? 0) + 1);
    },
    reading() {
      return {
        resolverCalls: calls.resolver,
        consumerDeliveries: calls.consumer,
        longest,
        longestMs: { ...longestMs },
        peakKvsReadUnits: reads.peak(),
        peakKvsWriteUnits: writes.peak(),
        peakEvents: pushed.peak(),
        refusals: Object.fromEntries(refusals),
      };
    },
    reset() {
      reads = new MinutePeaks();
      writes = new MinutePeaks();
      pushed = new MinutePeaks();
      calls = { resolver: 0, consumer: 0 };
      longestMs = { resolver: 0, consumer: 0 };
      longest = undefined;
      refusals = new Map();
    },
  };
}
