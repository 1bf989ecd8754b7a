import { parentPort } from 'node:worker_threads';
import { runSeriesJob, type JobSettings, type SeriesJob } from './forecast-job.ts';

/** Worker side of the pool: receives batches of series, answers with their outcomes. */
parentPort?.on('message', (message: { batch: number; jobs: SeriesJob[]; settings: JobSettings }) => {
  const outcomes = message.jobs.map((job) => runSeriesJob(job, message.settings));
  parentPort?.postMessage({ batch: message.batch, outcomes });
});
