/** Jira's dates, read fast: a scan's date rules parse one or more per issue. */

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Epoch milliseconds of a Jira date ("2026-11-16") or date-time ("2026-11-16T09:00:00.000+0000"). Those two
 * shapes are read directly, `Date.parse` being the costliest step of a scan's date rules; anything else goes
 * to `Date.parse`.
 */
export function parseJiraDate(value: unknown): number | null {
  if (typeof value !== 'string' || value.length === 0) return null;
  const fast = jiraDate(value);
  if (fast !== undefined) return fast;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}

function jiraDate(text: string): number | undefined {
  const { length } = text;
  if (length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  // Day 31 of a 30-day month and the like: let Date.parse say what it says.
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // A date alone is midnight UTC, as `Date.parse` reads it.
  if (length === 10) return Date.UTC(year, month - 1, day);
  // "THH:MM:SS.mmm" then "Z", "+HHMM" or "+HH:MM".
  if (length < 24 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58)
    return undefined;
  if (text.charCodeAt(19) !== 46) return undefined;
  const hours = digits(text, 11, 2);
  const minutes = digits(text, 14, 2);
  const seconds = digits(text, 17, 2);
  const millis = digits(text, 20, 3);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || millis < 0)
    return undefined;
  let offset: number;
  const sign = text.charCodeAt(23);
  if (sign === 90 /* Z */ && length === 24) offset = 0;
  else if ((sign === 43 || sign === 45) && (length === 28 || (length === 29 && text.charCodeAt(26) === 58))) {
    const offsetHours = digits(text, 24, 2);
    const offsetMinutes = digits(text, length === 28 ? 26 : 27, 2);
    if (offsetHours < 0 || offsetMinutes < 0) return undefined;
    offset = (sign === 43 ? 1 : -1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  } else return undefined;
  return Date.UTC(year, month - 1, day, hours, minutes, seconds, millis) - offset;
}

export const DAY_MS = 86_400_000;

/** Whole days from `from` to `now`, rounded down. */
export function daysBetween(from: number, now: number): number {
  return Math.floor((now - from) / DAY_MS);
}
