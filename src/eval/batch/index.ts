/** Batch evaluation: many cases (JSON Lines or CSV) streamed through the compiled evaluator. */
export { runBatch, type BatchFormat, type BatchOptions, type BatchProgress, type BatchSummary, type JobRunner } from './run-batch.js';
export { workerPool, type WorkerData } from './worker-pool.js';
export type { LineProblem, LineStatus, Tally } from './process.js';
export { defaultWorkerCount, PARALLEL_BYTES, type MachineState } from './worker-count.js';
