import { Worker } from 'node:worker_threads';
import type { DecisionGraph } from '../../graph/graph.js';
import type { Job, JobResult } from './jobs.js';
import type { JobRunner } from './run-batch.js';

/**
 * A pool of worker threads that process batch jobs, for inputs large enough to repay starting
 * them: reading a case (schema validation) costs several times what parsing its JSON does, and
 * it runs in parallel here. Results come back in any order; `runBatch` writes them in input order.
 */

/** What each worker is started with. */
export interface WorkerData {
  readonly graph: DecisionGraph;
  readonly locale: string | undefined;
  readonly full: boolean;
  readonly failFast: boolean;
}

/** Starts `size` workers running `script` (the bundled worker.ts). Two jobs per worker may be in flight. */
export function workerPool(script: URL | string, data: WorkerData, size: number): JobRunner {
  // A young generation smaller than V8's default keeps each worker's peak memory flat over long
  // runs at no measured cost in CPU time (cases die young; little survives a job).
  const resourceLimits = { maxYoungGenerationSizeMb: 8 };
  const workers = Array.from({ length: size }, () => new Worker(script, { workerData: data, resourceLimits }));
  const load = workers.map(() => 0);
  const waiting = new Map<number, { resolve(r: JobResult): void; reject(e: unknown): void }>();
  let failure: unknown;
  let closing = false;
  const fail = (error: unknown): void => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  workers.forEach((worker, i) => {
    worker.on('message', (result: JobResult) => {
      load[i]--;
      const w = waiting.get(result.seq);
      waiting.delete(result.seq);
      w?.resolve(result);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`internal error: a batch worker stopped (exit code ${code})`));
    });
  });
  return {
    capacity: size * 2,
    run(job: Job): Promise<JobResult> {
      if (failure !== undefined) return Promise.reject(failure);
      const i = load.indexOf(Math.min(...load));
      load[i]++;
      return new Promise((resolve, reject) => {
        waiting.set(job.seq, { resolve, reject });
        // A block of lines is moved, not copied: its buffer is the job's own (run-batch.ts).
        workers[i].postMessage(job, job.kind === 'jsonl' ? [job.bytes.buffer as ArrayBuffer] : []);
      });
    },
    async close(): Promise<void> {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
