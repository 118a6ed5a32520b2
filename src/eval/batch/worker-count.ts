/**
 * How many worker threads a batch run starts when `--jobs` is not given. Workers pay only for a
 * large input and only when the machine has CPUs to spare: the main thread keeps one busy
 * (reading, cutting, writing), and workers that must share a CPU with other work make a run
 * slower than one thread (measured: 0.27x the plain pipeline at load 4-5 on 2 CPUs, where one
 * thread kept its pace). So the 1-minute load average decides, next to the CPU count.
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
  // CPUs idle beside the one this thread takes; workers only when at least one whole CPU and a half is free.
  const idle = cpus - Math.max(0, load);
  if (idle < 1.5) return 1;
  return Math.max(2, Math.min(MAX_WORKERS, Math.floor(idle)));
}
