import type { HttpMethod, Product } from './transport';

/** Status 0 covers no answer at all, a deadline passed, and a success whose body was not JSON. */
function headline(product: Product, method: HttpMethod, path: string, status: number): string {
  const who = product === 'jira' ? 'Jira' : 'Confluence';
  return status === 0
    ? `${who} gave no usable answer to ${method} ${path}`
    : `${who} answered ${String(status)} to ${method} ${path}`;
}

/**
 * A request Jira or Confluence answered with an error status, or could not be reached (status 0). Carries
 * Atlassian's own messages so that a user sees, for example, why Jira refused their JQL.
 */
export class AtlassianError extends Error {
  override readonly name = 'AtlassianError';
  constructor(
    readonly product: Product,
    readonly method: HttpMethod,
    readonly path: string,
    readonly status: number,
    readonly messages: readonly string[],
    readonly retryAfterSeconds?: number,
  ) {
    super(headline(product, method, path, status) + (messages.length > 0 ? `: ${messages.join('; ')}` : ''));
  }

  get isRateLimited(): boolean {
    return this.status === 429;
  }

  get isServerError(): boolean {
    return this.status >= 500 || this.status === 0;
  }
}

/**
 * The site has no such product for the app: Confluence is not installed on the site, or not connected to the app
 * (Vertebra requires Jira and may be used without Confluence). Not a failed request: nothing to retry.
 */
export class ProductUnavailableError extends Error {
  override readonly name = 'ProductUnavailableError';
  constructor(
    readonly product: Product,
    readonly reason: string,
  ) {
    super(
      `${product === 'jira' ? 'Jira' : 'Confluence'} is not available to the app on this site: ${reason}`,
    );
  }
}

/** Reads Atlassian's error bodies: Jira's `errorMessages` + `errors`, Confluence's `message` / `errors[].title`. */
export function atlassianMessages(body: unknown): string[] {
  if (typeof body === 'string') return body.trim() ? [body.trim().slice(0, 500)] : [];
  if (!body || typeof body !== 'object') return [];
  const record = body as Record<string, unknown>;
  const messages: string[] = [];
  if (Array.isArray(record.errorMessages)) {
    for (const message of record.errorMessages) if (typeof message === 'string') messages.push(message);
  }
  if (record.errors && typeof record.errors === 'object' && !Array.isArray(record.errors)) {
    for (const [field, message] of Object.entries(record.errors as Record<string, unknown>)) {
      if (typeof message === 'string') messages.push(`${field}: ${message}`);
    }
  }
  if (Array.isArray(record.errors)) {
    for (const entry of record.errors as unknown[]) {
      if (entry && typeof entry === 'object') {
        const { title, detail } = entry as Record<string, unknown>;
        if (typeof title === 'string')
          messages.push(typeof detail === 'string' ? `${title}: ${detail}` : title);
      }
    }
  }
  if (messages.length === 0 && typeof record.message === 'string') messages.push(record.message);
  return messages;
}
