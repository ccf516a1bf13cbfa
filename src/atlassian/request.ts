import { AtlassianError, ProductUnavailableError, atlassianMessages } from './errors';
import { isForPlatform, type Transport, type TransportRequest, type TransportResponse } from './transport';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** Upper bound on the time spent waiting between attempts, summed. */
  readonly maxTotalWaitMs: number;
  /** First back-off when the server gives no Retry-After; doubles each time, with jitter. */
  readonly baseDelayMs: number;
  /** Sleeps; replaced in tests so that they do not wait. */
  readonly sleep: (ms: number) => Promise<void>;
}

/** Attempts at a request in all, unless a caller's policy says otherwise (the CLI's `--timeout` help names it). */
export const DEFAULT_MAX_ATTEMPTS = 5;

const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
  maxTotalWaitMs: 20_000,
  baseDelayMs: 250,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface SendOptions {
  /**
   * May the request be sent again after a 5xx or a network error? GET, PUT and DELETE are idempotent; a POST
   * that creates something is not, because the first attempt may have succeeded before the error. A 429 is
   * always retried: Atlassian refused it before doing anything.
   */
  readonly idempotent?: boolean;
  readonly retry?: Partial<RetryPolicy>;
  /** Statuses that are an answer rather than an error (e.g. 404 when probing whether a page exists). */
  readonly acceptStatuses?: readonly number[];
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), if it holds one. */
function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

/**
 * Sends one request through a transport, retrying 429 (always) and 5xx / network errors (idempotent requests
 * only) with the server's Retry-After or an exponential back-off, within bounded attempts and total wait.
 * Any other error status becomes an `AtlassianError` carrying Atlassian's messages. An error the transport
 * marked with `passToPlatform` (a consent request), or a product the site lacks, is rethrown as it is, at once.
 */
export async function send(
  transport: Transport,
  request: TransportRequest,
  options: SendOptions = {},
): Promise<TransportResponse> {
  const policy = { ...defaultRetryPolicy, ...options.retry };
  const idempotent = options.idempotent ?? request.method !== 'POST';
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    let response: TransportResponse;
    try {
      response = await transport.request(request);
    } catch (cause) {
      if (isForPlatform(cause) || cause instanceof ProductUnavailableError) throw cause;
      response = { status: 0, headers: {}, body: cause instanceof Error ? cause.message : String(cause) };
    }
    const { status } = response;
    if ((status >= 200 && status < 300) || options.acceptStatuses?.includes(status)) return response;

    const retryAfter = parseRetryAfter(response.headers['retry-after']);
    const retryable = status === 429 || ((status >= 500 || status === 0) && idempotent);
    const backoff =
      retryAfter !== undefined
        ? retryAfter * 1000
        : policy.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
    if (!retryable || attempt >= policy.maxAttempts || waited + backoff > policy.maxTotalWaitMs) {
      throw new AtlassianError(
        request.product,
        request.method,
        request.path,
        status,
        atlassianMessages(response.body),
        retryAfter,
      );
    }
    waited += backoff;
    await policy.sleep(backoff);
  }
}

/** `items` cut into runs of `size` (the last one shorter): one per bulk request or queue push. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Runs `task` over `items` with at most `limit` in flight; results keep the items' order. */
export async function mapConcurrent<I, O>(
  items: readonly I[],
  limit: number,
  task: (item: I, index: number) => Promise<O>,
): Promise<O[]> {
  const results = new Array<O>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as I, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
