import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { JiraClient } from '../atlassian/jira';
import { DEFAULT_MAX_ATTEMPTS } from '../atlassian/request';
import { DEFAULT_TIMEOUT_MS } from '../platform/local/http-transport';
import {
  createLocalPlatform,
  createSignedInTransport,
  createVirtualClock,
  type LocalPlatform,
} from '../platform/local/index';
import type { Principal } from '../services/ports';
import { UsageError, type CliIo } from './io';
import type { OutputFormat } from './output';

const DEFAULT_SITE = 'http://localhost:8787';

/** The options every capability command shares, once parsed and checked. */
export interface SiteOptions {
  readonly site: string;
  /** Sandbox user email (`--as`), or the real account of `ATLASSIAN_EMAIL`. */
  readonly as?: string | undefined;
  readonly format: OutputFormat | (string & {});
  readonly now?: Date | undefined;
  /** Where the CLI keeps its records (`--store`); see `storeDirOf`. */
  readonly store?: string | undefined;
  /** Seconds one attempt at a request may take (`--timeout`), connecting and reading included. */
  readonly timeoutSeconds: number;
}

/**
 * Where a CLI run keeps what the app keeps in Forge storage (install records, acknowledgements, settings):
 * `--store DIR`, else `$VERTEBRA_STORE`, else for a real site `~/.local/state/vertebra/<host>` (XDG), so that
 * `templates list` and the next upgrade know what earlier runs installed. A sandbox on this machine starts
 * afresh each time: nothing is kept for it unless asked. `--store memory` keeps nothing.
 */
export function storeDirOf(
  options: Pick<SiteOptions, 'site' | 'store'>,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const chosen = options.store ?? (env.VERTEBRA_STORE || undefined);
  if (chosen !== undefined) return chosen === 'memory' ? undefined : chosen;
  const url = new URL(options.site);
  if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return undefined;
  const state = env.XDG_STATE_HOME || (env.HOME ? path.join(env.HOME, '.local', 'state') : undefined);
  return state === undefined ? undefined : path.join(state, 'vertebra', url.host);
}

/** `--now` must be an ISO 8601 date or date-time, so that a typo never silently shifts a report. */
export function parseNow(value: string): Date {
  if (
    !/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
  ) {
    throw new InvalidArgumentError(
      `expected an ISO date such as 2026-11-25 or 2026-11-25T09:00:00Z, got "${value}"`,
    );
  }
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  // JavaScript rolls 2026-02-30 over to 2 March; a user who typed it made a mistake.
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    throw new InvalidArgumentError(`"${value}" is not a real date`);
  }
  return date;
}

function parseSite(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(
      `expected a site URL such as https://example.atlassian.net, got "${value}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError(`expected an http(s) URL, got "${value}"`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** A non-negative whole number option (`--port`, `--latency-ms`). */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return Number(value);
}

/** Seconds, above 0 and at most an hour (`--timeout`); fractions allowed. */
function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new InvalidArgumentError(`expected a number of seconds above 0 and at most 3600, got "${value}"`);
  }
  return seconds;
}

/** A share between 0 and 1 (`--fail-rate`). */
export function parseRate(value: string): number {
  const rate = Number(value);
  if (value.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new InvalidArgumentError(`expected a number between 0 and 1, got "${value}"`);
  }
  return rate;
}

/**
 * Adds `--site`, `--as`, `--format` and `--now` to a capability command. `formats` lists the formats it
 * prints (table, json and csv by default; a command may add e.g. `markdown` or `dot`).
 */
export function addSiteOptions(
  command: Command,
  formats: readonly string[] = ['table', 'json', 'csv'],
): Command {
  return command
    .addOption(
      new Option('--site <url>', 'Jira/Confluence site, or a sandbox')
        .default(DEFAULT_SITE)
        .argParser(parseSite),
    )
    .addOption(new Option('--as <email>', 'act as this sandbox user (a real site uses ATLASSIAN_EMAIL)'))
    .addOption(new Option('--format <format>', 'output format').choices([...formats]).default(formats[0]))
    .addOption(new Option('--now <iso>', 'pin the clock, e.g. 2026-11-25T09:00:00Z').argParser(parseNow))
    .addOption(
      new Option(
        '--timeout <seconds>',
        `seconds one attempt at a request may take, from connecting to the last byte of the answer; a read that runs out of time is tried again, ${String(DEFAULT_MAX_ATTEMPTS)} attempts in all`,
      )
        .default(DEFAULT_TIMEOUT_MS / 1000)
        .argParser(parseSeconds),
    )
    .addOption(
      new Option(
        '--store <dir>',
        "where the CLI keeps install records and settings (default: $VERTEBRA_STORE, else ~/.local/state/vertebra/<host> for a real site; 'memory' keeps nothing)",
      ),
    );
}

/** Reads the shared options back from a command after parsing. */
export function siteOptions(command: Command): SiteOptions {
  const options = command.opts<{
    site: string;
    as?: string;
    format: string;
    now?: Date;
    store?: string;
    timeout: number;
  }>();
  return {
    site: options.site,
    as: options.as,
    format: options.format,
    now: options.now,
    store: options.store,
    timeoutSeconds: options.timeout,
  };
}

export interface Connection {
  readonly platform: LocalPlatform;
  /** Who the command acts as: the `--as` user (or the token's account), found with `/myself`. */
  readonly principal: Principal;
  readonly jira: JiraClient;
}

/**
 * Opens the site the options name: credentials from `ATLASSIAN_EMAIL` / `ATLASSIAN_API_TOKEN` for a real site,
 * `--as` for a sandbox (no `--as`: the sandbox's admin). Asks Jira who that is, so that services read as that
 * user exactly as they would in Forge with `asUser()`.
 */
export async function connect(options: SiteOptions, io: Pick<CliIo, 'env'>): Promise<Connection> {
  const apiToken = io.env.ATLASSIAN_API_TOKEN || undefined;
  if (apiToken !== undefined && options.as !== undefined) {
    // An API token belongs to one account: acting as someone else is a sandbox feature.
    throw new UsageError('--as works with a sandbox only; on a real site commands act as ATLASSIAN_EMAIL');
  }
  const email = options.as ?? (io.env.ATLASSIAN_EMAIL || undefined);
  const timeoutMs = options.timeoutSeconds * 1000;
  const platform = createLocalPlatform({
    siteUrl: options.site,
    email,
    apiToken,
    now: options.now,
    storeDir: storeDirOf(options, io.env),
    timeoutMs,
    // A command waits for its queued work: a delay that spreads Forge's event budget is counted, not slept.
    twinClock: createVirtualClock(),
  });
  // Ask as the signed-in user (the app principal on a sandbox is the admin, not `--as`), retried as every
  // other read is: a site failing one request in five would otherwise fail one run in several here.
  const signedIn = new JiraClient(
    createSignedInTransport({ siteUrl: options.site, email, apiToken, timeoutMs }),
  );
  const me = await signedIn.myself();
  const principal: Principal = { kind: 'user', accountId: me.accountId };
  return { platform, principal, jira: new JiraClient(platform.jira(principal)) };
}
