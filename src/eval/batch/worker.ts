import { parentPort, workerData } from 'node:worker_threads';
import { processJob, type Job } from './jobs.js';
import { LineProcessor } from './process.js';
import type { WorkerData } from './worker-pool.js';

/**
 * The entry point of a batch worker thread (bundled as dist/batch-worker.js): it compiles the
 * policy once, then processes each job it is sent and posts the result back.
 */

const data = workerData as WorkerData;
const processor = new LineProcessor(data.graph, { locale: data.locale });
const port = parentPort;
if (port === null) throw new Error('internal error: the batch worker was started outside a worker thread');
port.on('message', (job: Job) => port.postMessage(processJob(processor, job, data.failFast)));
