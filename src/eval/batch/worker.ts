import { parentPort, workerData } from 'node:worker_threads';
import { reviveGraph } from '../../graph/revive.js';
import { processJob, type Job } from './jobs.js';
import { LineProcessor } from './process.js';
import type { WorkerData } from './worker-pool.js';

/**
 * The entry point of a batch worker thread (bundled as dist/batch-worker.js): it compiles the
 * policy once, then processes each job it is sent and posts the result back. The output goes
 * back as UTF-8 bytes whose buffer is transferred, not copied: the encoding is done here, in
 * parallel, and the main thread writes the bytes as they are.
 */

const data = workerData as WorkerData;
// Structured clone made the graph's exact numbers plain objects: make them numbers again.
const processor = new LineProcessor(reviveGraph(data.graph), { locale: data.locale, full: data.full });
const port = parentPort;
if (port === null) throw new Error('internal error: the batch worker was started outside a worker thread');
const encoder = new TextEncoder();
port.on('message', (job: Job) => {
  const result = processJob(processor, job, data.failFast);
  const bytes = encoder.encode(result.output as string);
  port.postMessage({ ...result, output: bytes }, [bytes.buffer]);
});
