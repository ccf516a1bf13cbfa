/**
 * The team of issues whose team field is empty: shown as such, never dropped. The core buckets issues under it
 * and the UI recognises it to say it in the reader's language, so both read this one constant.
 */
export const UNASSIGNED_TEAM = 'Unassigned team';
