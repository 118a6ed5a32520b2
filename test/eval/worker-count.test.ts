import { describe, expect, it } from 'vitest';
import { defaultWorkerCount, PARALLEL_BYTES } from '../../src/eval/batch/index.js';

/** The default worker count of a batch run, from the input's size, the CPUs and the load average. */
describe('defaultWorkerCount', () => {
  const big = PARALLEL_BYTES;
  it.each([
    // [bytes, cpus, load, workers]
    [undefined, 8, 0, 1], // a stream: size unknown, one thread
    [big - 1, 8, 0, 1], // too small to repay starting workers
    [big, 1, 0, 1], // one CPU
    [big, 2, 0, 1], // an idle 2-CPU machine: one thread (two workers and the main thread share two CPUs)
    [big, 2, 5, 1], // a loaded machine: one thread, never slower than --jobs 1
    [big, 3, 0, 2], // the main thread's CPU and two more idle: two workers
    [big, 3, 0.4, 1], // 2.6 CPUs idle: not a whole CPU for each of two workers beside the main thread
    [big, 4, 0, 3],
    [big, 4, 1.2, 1],
    [big, 4, 0.9, 2],
    [big, 16, 0, 4], // at most four
    [big, 16, 12, 3],
    [big, 16, 13.5, 1],
    [big, 3, -1, 2], // a load average below zero (never seen) counts as none
  ] as const)('%s bytes, %i CPUs, load %d → %i', (bytes, cpus, load, workers) => {
    expect(defaultWorkerCount({ bytes, cpus, load })).toBe(workers);
  });
});
