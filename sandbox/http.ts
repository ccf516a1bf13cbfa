/**
 * A tiny router on `node:http` for the sandbox. Routes are declared with Atlassian's path templates
 * (`/rest/api/3/issue/:issueIdOrKey`); the pattern doubles as the endpoint name in the request counts.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxUser } from './users';

export type SandboxMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface SandboxRequest {
  readonly method: string;
  /** Path without the query string, percent-decoding left to the params. */
  readonly path: string;
  /** Path parameters named in the route pattern, percent-decoded. */
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  /** Parsed JSON body, or undefined when the request had none. */
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
  /** The acting user (basic auth, `x-sandbox-act-as`, or the site admin when anonymous). */
  readonly user: SandboxUser;
}

export interface SandboxResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/**
 * A JSON body already encoded, in pieces (a page of issues rendered once each): written to the socket as is,
 * with its length known up front, so a large page costs no join, no encoding and no chunked framing.
 */
export class JsonChunks {
  readonly length: number;
  constructor(readonly chunks: readonly Buffer[]) {
    this.length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  }
}

export type SandboxHandler = (request: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly segments: readonly string[];
  readonly handler: SandboxHandler;
}

export interface RouteMatch {
  /** `METHOD /pattern`, the key under which the request is counted. */
  readonly endpoint: string;
  readonly params: Record<string, string>;
  readonly handler: SandboxHandler;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** Routes requests by method and path template; literal segments win over `:param` ones. */
export class Router {
  private readonly routes: Route[] = [];

  /** Registers a handler; `pattern` uses `:name` for one path segment, e.g. `/wiki/api/v2/pages/:id`. */
  add(method: SandboxMethod, pattern: string, handler: SandboxHandler): void {
    this.routes.push({ method, pattern, segments: splitPath(pattern), handler });
    // Literal segments first, so `/issue/bulkfetch` wins over `/issue/:issueIdOrKey`.
    this.routes.sort((a, b) => specificity(b) - specificity(a));
  }

  /** Finds the route for a request, or undefined (the server then answers 404). */
  match(method: string, path: string): RouteMatch | undefined {
    const segments = splitPath(path);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let matched = true;
      for (let index = 0; index < segments.length; index++) {
        const expected = route.segments[index] ?? '';
        const actual = segments[index] ?? '';
        if (expected.startsWith(':')) params[expected.slice(1)] = safeDecode(actual);
        else if (expected !== actual) {
          matched = false;
          break;
        }
      }
      if (matched) return { endpoint: `${route.method} ${route.pattern}`, params, handler: route.handler };
    }
    return undefined;
  }

  /** True when some route serves this path with another method (for a 405 rather than a 404). */
  hasPath(path: string): boolean {
    const segments = splitPath(path);
    return this.routes.some(
      (route) =>
        route.segments.length === segments.length &&
        route.segments.every((expected, index) => expected.startsWith(':') || expected === segments[index]),
    );
  }
}

function specificity(route: Route): number {
  return route.segments.filter((segment) => !segment.startsWith(':')).length;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Jira's error body: `{ errorMessages: [...], errors: {} }`. */
export function jiraError(status: number, ...messages: string[]): SandboxResponse {
  return { status, body: { errorMessages: messages, errors: {} } };
}

const ERROR_CODES: Record<number, string> = {
  400: 'INVALID_REQUEST_PARAMETER',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * An error in the shape of the product that owns the path: Confluence v2 `{errors:[...]}`, Confluence v1
 * `{statusCode, message}`, Jira `{errorMessages, errors}`.
 */
export function productError(path: string, status: number, message: string): SandboxResponse {
  if (path.startsWith('/wiki/api/v2/')) {
    const code = ERROR_CODES[status] ?? 'ERROR';
    return {
      status,
      body: { errors: [{ status, code, title: code.replace(/_/g, ' ').toLowerCase(), detail: message }] },
    };
  }
  if (path.startsWith('/wiki/')) return { status, body: { statusCode: status, message, data: {} } };
  return jiraError(status, message);
}

/** The 404 Atlassian answers for a path it does not serve, in the product's shape. */
export function notFound(path: string): SandboxResponse {
  return productError(
    path,
    404,
    path.startsWith('/wiki/') ? `No route for ${path}` : `null for uri: ${path}`,
  );
}

/** Thrown by a body that is not JSON; the server answers 400. */
export class BadJsonError extends Error {}

/** Reads the whole request body and parses it as JSON (undefined when empty). */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadJsonError('The request body is not valid JSON.');
  }
}

/** Writes a sandbox response as JSON (or an empty body for 204 / undefined). */
export function writeResponse(response: ServerResponse, result: SandboxResponse): void {
  const headers: Record<string, string> = { ...(result.headers ?? {}) };
  if (result.body === undefined || result.status === 204) {
    response.writeHead(result.status, headers);
    response.end();
    return;
  }
  // A string body is sent as is only when the handler named its type; otherwise it is a JSON string value.
  const raw =
    typeof result.body === 'string' && headers['content-type'] !== undefined ? result.body : undefined;
  headers['content-type'] ??= 'application/json;charset=UTF-8';
  if (result.body instanceof JsonChunks) {
    headers['content-length'] = String(result.body.length);
    response.writeHead(result.status, headers);
    response.cork();
    for (const chunk of result.body.chunks) response.write(chunk);
    response.end();
    return;
  }
  const text = raw ?? JSON.stringify(result.body);
  response.writeHead(result.status, headers);
  response.end(text);
}
