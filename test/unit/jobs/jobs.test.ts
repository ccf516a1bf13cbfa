import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chunksOf } from '../../../src/atlassian/request';
import { AppError } from '../../../src/contract/result';
import { createMemoryStore, createVirtualClock } from '../../../src/platform/local';
import { createInlineQueue } from '../../../src/platform/local/inline-queue';
import { listIdsStep } from '../../../src/services/jobs/list-ids';
import {
  discardOldJobs,
  jobDispatch,
  jobHandler,
  jobProgress,
  JOB_STALL_MS,
  startJob,
  type JobDefinition,
} from '../../../src/services/jobs/jobs';
import { readOutput } from '../../../src/services/jobs/outputs';
import type { JobDelivery, KeyValueStore, Platform, QueuedJob } from '../../../src/services/ports';

const NOW = new Date('2026-11-16T09:00:00Z');
const OWNER = { kind: 'user', accountId: 'owner-1' } as const;
const OTHER = { kind: 'user', accountId: 'someone-else' } as const;

/**
 * A job that measures words: the first step plans one part per two words, each part stores its words' lengths,
 * the finish stores their sum. `failing` names words whose part throws `error` (once, or on every try).
 */
function measureJob(
  failing: { word?: string; error?: () => Error; times?: number } = {},
): JobDefinition<{ words: string[] }> {
  const thrown = new Map<string, number>();
  return {
    kind: 'measure',
    params: z.object({ words: z.array(z.string()) }),
    start: async (context) => {
      const parts = chunksOf(context.params.words, 2).map((words, index) => ({
        id: `p${String(index)}`,
        items: words.length,
        data: { words },
      }));
      await context.plan(parts, { step: 0, offset: 0, items: context.params.words.length, last: true });
    },
    part: async (context, data) => {
      const words = z.array(z.string()).parse(data.words);
      const word = words.find((w) => w === failing.word);
      if (word !== undefined && (thrown.get(word) ?? 0) < (failing.times ?? Infinity)) {
        thrown.set(word, (thrown.get(word) ?? 0) + 1);
        throw failing.error?.() ?? new Error('Jira did not answer');
      }
      await context.putPartOutput(words.map((w) => w.length));
    },
    finish: async (context) => {
      const lengths = z.array(z.number()).parse(await context.readPartOutputs());
      await context.putOutput('sum', [lengths.reduce((a, b) => a + b, 0)]);
    },
  };
}

function platformOn(store: KeyValueStore, queue: Platform['queue'], now = NOW): Platform {
  const unused = () => {
    throw new Error('no site in these tests');
  };
  return {
    jira: unused,
    confluence: unused,
    store,
    queue,
    clock: { now: () => now, sleep: () => Promise.resolve() },
  };
}

/** A platform whose queue runs events in this process, as the playground's does. */
function inlinePlatform(definition: JobDefinition<{ words: string[] }>) {
  // The watch looks every few seconds: a virtual clock skips the waits.
  const queue = createInlineQueue({ clock: createVirtualClock() });
  const platform = platformOn(createMemoryStore(), queue);
  const consume = jobDispatch([jobHandler(definition)]);
  queue.setConsumer((delivery) => consume(platform, delivery));
  return { platform, queue };
}

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];

describe('jobs', () => {
  it('runs a job to done: progress counts items, and the results are stored for whoever started it', async () => {
    const { platform, queue } = inlinePlatform(measureJob());
    const started = await startJob(platform, measureJob(), {
      owner: OWNER.accountId,
      params: { words: WORDS },
    });
    expect(await jobProgress(platform, started.jobId, OWNER)).toMatchObject({ status: 'queued', done: 0 });
    await queue.drain();
    expect(await jobProgress(platform, started.jobId, OWNER)).toMatchObject({
      status: 'done',
      done: 5,
      total: 5,
      totalKnown: true,
    });
    expect(await readOutput(platform, started.jobId, 'sum')).toEqual([26]);
  });

  it('answers a job started by someone else exactly as a missing one', async () => {
    const { platform, queue } = inlinePlatform(measureJob());
    const started = await startJob(platform, measureJob(), {
      owner: OWNER.accountId,
      params: { words: WORDS },
    });
    await queue.drain();
    const missing = await jobProgress(platform, 'no-such-job', OTHER).catch((error: unknown) => error);
    const foreign = await jobProgress(platform, started.jobId, OTHER).catch((error: unknown) => error);
    expect(foreign).toBeInstanceOf(AppError);
    expect(foreign).toEqual(missing);
  });

  it('counts every part when parts finish side by side, as Forge runs them', async () => {
    // Reads see the store as it was when asked and answer a little later; writes land a little later: each after
    // its own delay, so that one part's late write can follow another's newer one, as in Forge.
    const memory = createMemoryStore();
    let calls = 0;
    const later = <T>(run: () => Promise<T>): Promise<T> =>
      new Promise((resolve) => {
        setTimeout(
          () => {
            resolve(run());
          },
          ((calls += 1) * 7919) % 13,
        );
      });
    const slow: KeyValueStore = {
      get: <T>(key: string) => memory.get<T>(key).then((value) => later(() => Promise.resolve(value))),
      set: (key, value) => later(() => memory.set(key, value)),
      setIfAbsent: (key, value) => later(() => memory.setIfAbsent(key, value)),
      delete: (key) => memory.delete(key),
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the port's signature
      list: <T>(prefix: string) =>
        memory.list<T>(prefix).then((entries) => later(() => Promise.resolve(entries))),
    };
    const pushed: QueuedJob[] = [];
    const platform = platformOn(slow, { push: (events) => Promise.resolve(void pushed.push(...events)) });
    const definition = measureJob();
    const words = Array.from({ length: 40 }, (_, i) => `word${String(i)}`);
    const started = await startJob(platform, definition, { owner: OWNER.accountId, params: { words } });
    const consume = jobDispatch([jobHandler(definition)]);
    const deliver = (job: QueuedJob): JobDelivery => ({
      body: job.body,
      jobId: 'j',
      eventId: 'e',
      retryCount: 0,
    });
    await consume(platform, deliver(pushed.shift() as QueuedJob));
    const steps = pushed.splice(0);
    const parts = steps.filter((job) => job.body.step === 'part');
    const watches = steps.filter((job) => job.body.step === 'watch');
    expect([parts.length, watches.length]).toEqual([20, 1]);
    await Promise.all(parts.map((part) => consume(platform, deliver(part))));
    // The watch, the record's one writer while parts run, counts all 40 and queues the finish.
    await consume(platform, deliver(watches[0] as QueuedJob));
    expect(await jobProgress(platform, started.jobId, OWNER)).toMatchObject({ status: 'running', done: 40 });
    expect(pushed.map((job) => job.body.step)).toEqual(['finish']);
    await consume(platform, deliver(pushed[0] as QueuedJob));
    expect(await jobProgress(platform, started.jobId, OWNER)).toMatchObject({ status: 'done', done: 40 });
  });

  it('reads the progress markers a few times a job, not once per finished part', async () => {
    const memory = createMemoryStore();
    let markerLists = 0;
    const counting: KeyValueStore = {
      ...memory,
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the port's signature
      list: <T>(prefix: string) => {
        if (prefix.startsWith('jobs:mark:')) markerLists += 1;
        return memory.list<T>(prefix);
      },
    };
    const queue = createInlineQueue({ clock: createVirtualClock() });
    const platform = platformOn(counting, queue);
    const consume = jobDispatch([jobHandler(measureJob())]);
    queue.setConsumer((delivery) => consume(platform, delivery));
    const words = Array.from({ length: 400 }, (_, i) => `w${String(i)}`);
    const started = await startJob(platform, measureJob(), { owner: OWNER.accountId, params: { words } });
    await queue.drain();
    expect(await jobProgress(platform, started.jobId, OWNER)).toMatchObject({ status: 'done', done: 400 });
    // 200 parts: the start, a look of the watch and the finish list them, each once or twice.
    expect(markerLists).toBeLessThan(10);
  });

  it.each([
    ['a part that fails twice is retried and the job still ends done', 2, 'done', undefined],
    [
      'a part that fails on every try ends the job failed with its reason after the last retry',
      Infinity,
      'failed',
      {
        code: 'INTERNAL',
        message: 'Something went wrong on our side. The error was logged; please try again.',
      },
    ],
  ])('%s', async (_name, times, status, reason) => {
    const definition = measureJob({ word: 'gamma', times });
    const { platform, queue } = inlinePlatform(definition);
    const started = await startJob(platform, definition, {
      owner: OWNER.accountId,
      params: { words: WORDS },
    });
    await queue.drain();
    const progress = await jobProgress(platform, started.jobId, OWNER);
    expect(progress.status).toBe(status);
    expect(progress.reason).toEqual(reason);
    // Nothing the other parts stored is lost.
    expect((await readOutput(platform, started.jobId, 'part-')).length).toBe(times === 2 ? 5 : 3);
  });

  it('fails at once, without retries, on an error no retry can mend', async () => {
    let tries = 0;
    const definition = measureJob({
      word: 'beta',
      error: () => {
        tries += 1;
        return new AppError('FORBIDDEN', 'You cannot browse project PAY.');
      },
    });
    const { platform, queue } = inlinePlatform(definition);
    const started = await startJob(platform, definition, {
      owner: OWNER.accountId,
      params: { words: WORDS },
    });
    await queue.drain();
    expect(tries).toBe(1);
    expect(await jobProgress(platform, started.jobId, OWNER)).toMatchObject({
      status: 'failed',
      reason: { code: 'FORBIDDEN', message: 'You cannot browse project PAY.' },
    });
  });

  it('counts a job whose events were lost as failed once nothing happened for the stall time', async () => {
    const platform = platformOn(createMemoryStore(), { push: () => Promise.resolve() });
    const started = await startJob(platform, measureJob(), {
      owner: OWNER.accountId,
      params: { words: WORDS },
    });
    const at = (ms: number) => platformOn(platform.store, platform.queue, new Date(NOW.getTime() + ms));
    expect((await jobProgress(at(JOB_STALL_MS - 60_000), started.jobId, OWNER)).status).toBe('queued');
    expect(await jobProgress(at(JOB_STALL_MS + 60_000), started.jobId, OWNER)).toMatchObject({
      status: 'failed',
      reason: { code: 'INTERNAL', message: 'The work stopped: nothing more was done for 60 minutes.' },
    });
  });

  it('spreads a large plan under 400 events a minute, delaying later events by whole minutes', async () => {
    const pushed: QueuedJob[] = [];
    const platform = platformOn(createMemoryStore(), {
      push: (events) => Promise.resolve(void pushed.push(...events)),
    });
    const definition = measureJob();
    const words = Array.from({ length: 1800 }, (_, i) => `w${String(i)}`);
    await startJob(platform, definition, { owner: OWNER.accountId, params: { words } });
    const consume = jobDispatch([jobHandler(definition)]);
    const first = pushed.shift() as QueuedJob;
    await consume(platform, { body: first.body, jobId: 'j', eventId: 'e', retryCount: 0 });
    const delays = pushed.filter((job) => job.body.step === 'part').map((job) => job.delayInSeconds ?? 0);
    expect(delays.length).toBe(900);
    expect([0, 60, 120].map((delay) => delays.filter((d) => d === delay).length)).toEqual([400, 400, 100]);
  });

  it('spreads parts under the definition’s own rate, when it is lower than the event budget', async () => {
    const pushed: QueuedJob[] = [];
    const platform = platformOn(createMemoryStore(), {
      push: (events) => Promise.resolve(void pushed.push(...events)),
    });
    const definition = { ...measureJob(), partsPerMinute: 150 };
    const words = Array.from({ length: 800 }, (_, i) => `w${String(i)}`);
    await startJob(platform, definition, { owner: OWNER.accountId, params: { words } });
    const consume = jobDispatch([jobHandler(definition)]);
    const first = pushed.shift() as QueuedJob;
    await consume(platform, { body: first.body, jobId: 'j', eventId: 'e', retryCount: 0 });
    const delays = pushed.filter((job) => job.body.step === 'part').map((job) => job.delayInSeconds ?? 0);
    expect([0, 60, 120].map((delay) => delays.filter((d) => d === delay).length)).toEqual([150, 150, 100]);
  });

  it('lists a large scope a few pages an event, each next listing event waiting its share of the push budget', async () => {
    // 50,000 ids in pages of 5,000: three listing events (20,000, 20,000, 10,000 ids) of 100, 100 and 50 parts.
    const jira = {
      idPage: (_jql: string, options: { nextPageToken?: string | undefined }) => {
        const page = Number(options.nextPageToken ?? '0');
        const ids = Array.from({ length: 5000 }, (_, index) => String(page * 5000 + index));
        return Promise.resolve({ ids, nextPageToken: page < 9 ? String(page + 1) : undefined });
      },
    };
    const listing: JobDefinition<{ words: string[] }> = {
      ...measureJob(),
      start: (context, data) => listIdsStep(context, jira, 'project = SYN', data, 200),
      steps: { list: (context, data) => listIdsStep(context, jira, 'project = SYN', data, 200) },
    };
    const pushed: QueuedJob[] = [];
    const platform = platformOn(createMemoryStore(), {
      push: (events) => Promise.resolve(void pushed.push(...events)),
    });
    const consume = jobDispatch([jobHandler(listing)]);
    await startJob(platform, listing, { owner: OWNER.accountId, params: { words: [] } });
    const listed: number[] = [];
    const listDelays: (number | undefined)[] = [];
    for (let event = pushed.shift(); event !== undefined; event = pushed.shift()) {
      if (event.body.step === 'part') listed.push(Number(event.body.items));
      if (event.body.step === 'list') listDelays.push(event.delayInSeconds);
      if (event.body.step === 'start' || event.body.step === 'list')
        await consume(platform, { body: event.body, jobId: 'j', eventId: 'e', retryCount: 0 });
    }
    expect(listed).toHaveLength(250);
    expect(listed.reduce((a, b) => a + b, 0)).toBe(50_000);
    // 100 parts pushed by a listing event: the next one waits 20 s, 300 part events a minute at most.
    expect(listDelays).toEqual([20, 20]);
  });

  /** A job of 250 parts of 195 KB each on stores with Forge's budgets a minute, on a virtual clock. */
  async function largeJob() {
    const clock = createVirtualClock(NOW.getTime());
    const queue = createInlineQueue({ clock });
    const store = createMemoryStore({}, { clock });
    const platform: Platform = {
      ...platformOn(store, queue),
      clock: { now: () => NOW, sleep: (ms) => clock.sleep(ms) },
    };
    const definition: JobDefinition<{ words: string[] }> = {
      ...measureJob(),
      partsPerMinute: 100,
      part: async (context, data) => {
        const [word = ''] = z.array(z.string()).parse(data.words);
        await context.putPartOutput([{ word, text: 'x'.repeat(195 * 1024) }]);
      },
      finish: async (context) => {
        const parts = z.array(z.object({ word: z.string() })).parse(await context.readPartOutputs());
        await context.putOutput('words', [parts.map((part) => part.word).join(' ')]);
      },
    };
    const consume = jobDispatch([jobHandler(definition)]);
    queue.setConsumer((delivery) => consume(platform, delivery));
    const words = Array.from({ length: 250 }, (_, i) => `w${String(i)}`);
    const started = await startJob(platform, definition, {
      owner: OWNER.accountId,
      params: { words: words.flatMap((word) => [word, word]) },
    });
    await queue.drain();
    return { clock, queue, store, platform, words, jobId: started.jobId };
  }

  it('finishes a job whose parts stored more than a minute of Forge’s read budget, without a refusal', async () => {
    // 5,000 read units for the finish to read back, past the 4,000 of a minute.
    const { queue, platform, words, jobId } = await largeJob();
    expect(queue.failures).toEqual([]);
    expect(await jobProgress(platform, jobId, OWNER)).toMatchObject({ status: 'done', done: 500 });
    // Read back in the order the parts were planned.
    expect(await readOutput(platform, jobId, 'words')).toEqual([words.join(' ')]);
  });

  it('lets go of a large job a day later by key, without reading its 5,000 units of results back', async () => {
    const { clock, store, platform } = await largeJob();
    clock.advance(60_000);
    const later: Platform = {
      ...platform,
      clock: { ...platform.clock, now: () => new Date(NOW.getTime() + 25 * 3_600_000) },
    };
    expect(await discardOldJobs(later)).toBe(1);
    clock.advance(60_000);
    expect(await store.list('jobs:')).toEqual([]);
  });

  it('lets go of jobs a day old, their markers and results included, and keeps younger ones', async () => {
    const { platform, queue } = inlinePlatform(measureJob());
    const started = await startJob(platform, measureJob(), {
      owner: OWNER.accountId,
      params: { words: WORDS },
    });
    await queue.drain();
    expect(await discardOldJobs(platform)).toBe(0);
    const later = platformOn(platform.store, platform.queue, new Date(NOW.getTime() + 25 * 3_600_000));
    expect(await discardOldJobs(later)).toBe(1);
    expect(await platform.store.list('jobs:')).toEqual([]);
    await expect(jobProgress(platform, started.jobId, OWNER)).rejects.toThrow(AppError);
  });
});
