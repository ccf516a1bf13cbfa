/**
 * Agreements between teams on a dependency: the blocked team asks for the blocker by a date, the blocker's team
 * commits to a date or declines with a reason. They are kept with the blocker issue, in one entity property
 * holding a bounded list with one entry per blocked issue; this file reads, judges and changes that list.
 *
 * Status, decided in this order:
 * - `declined`: the blocker's team said no (with a reason); a new ask or a commitment reopens it;
 * - `asked` / `committed`: the blocker is done, so whatever was agreed is settled and nothing is broken;
 * - `broken`: the date that holds (the commitment's, else the ask's) is before today and the blocker is not done;
 * - `committed` when the blocker's team gave a date, else `asked`.
 */
import { z } from 'zod';

/** The blocker issue's entity property that holds its agreements. */
export const AGREEMENTS_PROPERTY = 'vertebra.agreements';

/** Issues one blocker may hold agreements with: far above any real fan-out, and the property stays small. */
export const MAX_AGREEMENTS = 100;

/** A decline reason is a sentence or two, not a document. */
export const MAX_DECLINE_REASON = 500;

/** Jira's own limit on an entity property's value (characters of its JSON). */
const MAX_AGREEMENTS_JSON = 32_768;

export const AGREEMENT_STATUSES = ['asked', 'committed', 'declined', 'broken'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** An agreement as the reports show it (and the CLI's JSON prints it). */
export interface Agreement {
  /** The day the blocked team needs the blocker done by (YYYY-MM-DD). */
  readonly neededBy: string | null;
  /** The day the blocker's team committed to (YYYY-MM-DD). */
  readonly committedBy: string | null;
  /** Why the blocker's team declined; `null` unless it did. */
  readonly declined: string | null;
  readonly status: AgreementStatus;
}

/** One entry of the property: the agreement with one blocked issue, named by id (a key changes on a move). */
export interface StoredAgreement {
  readonly blocked: string;
  readonly neededBy: string | null;
  readonly committedBy: string | null;
  readonly declined: string | null;
  /** When it last changed (ISO), so a review can tell what is new. */
  readonly updated: string;
}

/** Why a blocker's agreements could not be read: the report goes on without them. */
export type AgreementsProblem = 'too-large' | 'malformed';

export type AgreementsRead =
  | { readonly ok: true; readonly agreements: readonly StoredAgreement[] }
  | { readonly ok: false; readonly problem: AgreementsProblem };

/** A calendar day that exists, YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const day = z.string().refine(isCalendarDay, 'a calendar day, YYYY-MM-DD');

const storedAgreementSchema = z
  .object({
    blocked: z.string().regex(/^\d{1,18}$/),
    neededBy: day.nullable(),
    committedBy: day.nullable(),
    declined: z.string().min(1).max(MAX_DECLINE_REASON).nullable(),
    updated: z.string().max(40),
  })
  .strict()
  .refine((a) => a.neededBy !== null || a.committedBy !== null || a.declined !== null, 'an empty agreement');

const agreementsPropertySchema = z
  .object({ agreements: z.array(storedAgreementSchema).max(MAX_AGREEMENTS) })
  .strict()
  .refine(
    (value) => new Set(value.agreements.map((a) => a.blocked)).size === value.agreements.length,
    'one entry per blocked issue',
  );

/** The property's value as Jira stores it. */
export interface AgreementsProperty {
  readonly agreements: readonly StoredAgreement[];
}

/**
 * Reads the property's value, which anyone who may edit the blocker can write by hand: an oversized or malformed
 * value is a problem, never an exception, so one bad issue does not break a report. `undefined` (no property)
 * reads as no agreements.
 */
export function readAgreements(value: unknown): AgreementsRead {
  if (value === undefined) return { ok: true, agreements: [] };
  if (typeof value !== 'object' || value === null) return { ok: false, problem: 'malformed' };
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (json.length > MAX_AGREEMENTS_JSON) return { ok: false, problem: 'too-large' };
  const parsed = agreementsPropertySchema.safeParse(value);
  return parsed.success
    ? { ok: true, agreements: parsed.data.agreements }
    : { ok: false, problem: 'malformed' };
}

/** The agreement as shown, judged on `today` (YYYY-MM-DD) and whether the blocker is done. */
export function agreementOf(stored: StoredAgreement, blockerDone: boolean, today: string): Agreement {
  const { neededBy, committedBy, declined } = stored;
  const holds = committedBy ?? neededBy;
  const status: AgreementStatus =
    declined !== null
      ? 'declined'
      : !blockerDone && holds !== null && holds < today
        ? 'broken'
        : committedBy !== null
          ? 'committed'
          : 'asked';
  return { neededBy, committedBy, declined, status };
}

/** What one side does: the blocked team asks, the blocker's team commits or declines. */
export type AgreementChange =
  | { readonly kind: 'ask'; readonly neededBy: string }
  | { readonly kind: 'commit'; readonly committedBy: string }
  | { readonly kind: 'decline'; readonly reason: string };

/** The side whose people may make a change: they must be able to edit that side's issue. */
export function sideOf(change: AgreementChange): 'blocked' | 'blocker' {
  return change.kind === 'ask' ? 'blocked' : 'blocker';
}

/** A decline reason as kept: spaces and line breaks folded; `null` when empty or too long. */
export function declineReason(text: string): string | null {
  const reason = text.replace(/\s+/g, ' ').trim();
  return reason === '' || reason.length > MAX_DECLINE_REASON ? null : reason;
}

export type AgreementApplied =
  | { readonly ok: true; readonly property: AgreementsProperty; readonly agreement: StoredAgreement }
  | { readonly ok: false; readonly problem: 'too-many' };

/**
 * The property after a change to the agreement with `blockedId`, made at `at` (ISO). An ask sets the needed
 * day and reopens a decline; a commitment sets the committed day and reopens a decline; a decline drops the
 * commitment. The other entries are kept as they were, in their order.
 */
export function applyAgreement(
  current: readonly StoredAgreement[],
  blockedId: string,
  change: AgreementChange,
  at: string,
): AgreementApplied {
  const index = current.findIndex((a) => a.blocked === blockedId);
  const before: StoredAgreement = current[index] ?? {
    blocked: blockedId,
    neededBy: null,
    committedBy: null,
    declined: null,
    updated: at,
  };
  if (index < 0 && current.length >= MAX_AGREEMENTS) return { ok: false, problem: 'too-many' };
  const agreement: StoredAgreement =
    change.kind === 'ask'
      ? { ...before, neededBy: change.neededBy, declined: null, updated: at }
      : change.kind === 'commit'
        ? { ...before, committedBy: change.committedBy, declined: null, updated: at }
        : { ...before, committedBy: null, declined: change.reason, updated: at };
  const agreements =
    index < 0 ? [...current, agreement] : current.map((a, i) => (i === index ? agreement : a));
  return { ok: true, property: { agreements }, agreement };
}
