/**
 * How many worker threads a batch run starts when `--jobs` is not given. Workers pay only for a
 * large input and only when each of them gets a CPU of its own beside the main thread's, which
 * stays busy reading, cutting and writing. Measured on 2 CPUs: with the machine otherwise idle,
 * 1,000,000 lines took 3.3-3.5 s with two workers against 2.6-2.8 s in one thread (the workers and
 * the main thread share two CPUs); at load 4-5 workers fell to 0.27x the plain pipeline while one
 * thread kept its pace. So workers start only when the 1-minute load average leaves the main
 * thread's CPU and two more idle: never on a 2-CPU machine.
 */

/** Inputs at least this large are worth starting worker threads for (about 20,000 lines). */
export const PARALLEL_BYTES = 8 * 1024 * 1024;

/** At most this many workers: beyond it the main thread cannot feed them. */
const MAX_WORKERS = 4;

/** What the choice is made from: the input's size (undefined for a stream), the CPUs, the load. */
export interface MachineState {
  readonly bytes: number | undefined;
  readonly cpus: number;
  /** The 1-minute load average (runnable threads, this process's included). */
  readonly load: number;
}

/** One (this thread) or the number of workers to start. */
export function defaultWorkerCount({ bytes, cpus, load }: MachineState): number {
  if (bytes === undefined || bytes < PARALLEL_BYTES || cpus < 2) return 1;
  // CPUs idle beside the one this thread takes: a worker for each, and at least two of them.
  const spare = Math.floor(cpus - Math.max(0, load)) - 1;
  if (spare < 2) return 1;
  return Math.min(MAX_WORKERS, spare);
}
