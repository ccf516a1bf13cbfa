import { AppError } from '../../contract/result';
import type { Platform } from '../ports';
import { marksOf, plansOf } from './progress';
import { JOB_KEYS, outputValueSchema, splitByBytes } from './store';

/** Bytes of JSON per stored value: under KVS's 240 KiB with room for the value's own wrapping. */
const OUTPUT_VALUE_BYTES = 200_000;

/** The output name of a part's results. */
export const partOutput = (part: string): string => `part-${part}`;

/** Stores `items` under `name`, split into values under KVS's size limit. */
export async function putOutput(
  platform: Platform,
  jobId: string,
  name: string,
  items: readonly unknown[],
): Promise<void> {
  const values = splitByBytes(items, OUTPUT_VALUE_BYTES);
  // Written first: a value stored before its mark could outlive the job if the step stopped in between.
  await platform.store.set(JOB_KEYS.stored(jobId, name), { values: values.length });
  for (const [index, chunk] of values.entries())
    await platform.store.set(JOB_KEYS.output(jobId, name, index), { items: chunk, index, of: values.length });
}

/** Every planned part's results, in plan order, read by key (a part's values one by one). */
export async function readPartOutputs(platform: Platform, jobId: string): Promise<unknown[]> {
  const parts = plansOf(jobId, await marksOf(platform, jobId)).flatMap((plan) => plan.parts);
  const items: unknown[] = [];
  for (const part of parts) {
    let of = 1;
    for (let index = 0; index < of; index += 1) {
      const value = await readOutputValue(platform, jobId, partOutput(part), index);
      if (value === undefined)
        throw new AppError('INTERNAL', `The results of part ${part} are missing; the job runs again.`);
      of = value.of;
      items.push(...value.items);
    }
  }
  return items;
}

/**
 * Every item a job stored under names starting with `prefix`, in key order. A value left from an earlier, longer
 * run of the same step (a retry that stored fewer values) is skipped.
 */
export async function readOutput(platform: Platform, jobId: string, prefix: string): Promise<unknown[]> {
  const items: unknown[] = [];
  const outputs = JOB_KEYS.outputs(jobId);
  const counts = new Map<string, number>();
  const entries = await platform.store.list<unknown>(JOB_KEYS.outputPrefix(jobId, prefix));
  const parsed = entries.flatMap(({ key, value }) => {
    const checked = outputValueSchema.safeParse(value);
    const name = key.slice(outputs.length, key.lastIndexOf(':'));
    if (checked.success && checked.data.index === 0) counts.set(name, checked.data.of);
    return checked.success ? [{ name, value: checked.data }] : [];
  });
  for (const { name, value } of parsed) if (value.index < (counts.get(name) ?? 0)) items.push(...value.items);
  return items;
}

/** One stored value of a job's output, by its index, and how many there are; undefined past the end. */
export async function readOutputValue(
  platform: Platform,
  jobId: string,
  name: string,
  index: number,
): Promise<{ items: unknown[]; of: number } | undefined> {
  const parsed = outputValueSchema.safeParse(await platform.store.get(JOB_KEYS.output(jobId, name, index)));
  return parsed.success && parsed.data.index === index ? parsed.data : undefined;
}
