import { AppError } from '../contract/result';

/**
 * Forge KVS takes keys of at most 500 characters matching `^(?!\s+$)[a-zA-Z0-9:._\s-#]+$`
 * (docs/forge-limits.md). Text people or sites chose (a personal space key starts with `~`, a bundle id may hold
 * any letter) goes through `keyPart`, so every key the app builds matches; `storeKey` checks the length before
 * anything is written, so a write never fails half-way through a change.
 */
const KEY_CHARS = 500;

/** Characters kept as they are; `:` is left out, since it separates a key's parts. */
const KEPT = /[A-Za-z0-9._-]/;

/**
 * `text` as one part of a store key: every other character as `#` and the hex of its UTF-8 bytes (`~` → `#7E`).
 * Reversible and prefix-preserving (the part of `AB-` is a prefix of the part of `AB-12`), and the identity on
 * Jira project and issue keys, Confluence space keys and ids, so keys written before read back the same.
 */
export function keyPart(text: string): string {
  let encoded = '';
  for (const character of text) {
    if (KEPT.test(character)) {
      encoded += character;
      continue;
    }
    for (const byte of Buffer.from(character, 'utf8'))
      encoded += `#${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/** A store key of a fixed namespace and encoded parts; INVALID_INPUT when it would be over KVS's 500 characters. */
export function storeKey(namespace: string, ...parts: readonly string[]): string {
  const key = [namespace, ...parts.map(keyPart)].join(':');
  if (key.length > KEY_CHARS)
    throw new AppError(
      'INVALID_INPUT',
      `A name is too long to be stored (its key would have ${String(key.length)} characters; the store takes ${String(KEY_CHARS)}).`,
      { key: key.slice(0, 80) },
    );
  return key;
}
