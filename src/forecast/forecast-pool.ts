import { Worker } from 'node:worker_threads';
import { runSeriesJob, type JobSettings, type SeriesJob, type SeriesOutcome } from './forecast-job.ts';

/**
 * Forecasts many series on all cores: worker threads take batches from a shared queue (so a slow batch does
 * not hold up the others) and results are returned in input order. Small jobs run in-process, where starting
 * threads would cost more than it saves.
 */
export interface PoolOptions {
  workers: number;
  /** Series per message; small enough to balance load, large enough to amortise messaging. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

const INLINE_BELOW = 24;

export async function forecastAll(jobs: SeriesJob[], settings: JobSettings, options: PoolOptions): Promise<SeriesOutcome[]> {
  const total = jobs.length;
  if (options.workers <= 1 || total < INLINE_BELOW) {
    const out: SeriesOutcome[] = [];
    for (const job of jobs) {
      out.push(runSeriesJob(job, settings));
      options.onProgress?.(out.length, total);
    }
    return out;
  }
  const batchSize = options.batchSize ?? Math.max(1, Math.min(16, Math.ceil(total / (options.workers * 8))));
  const batches: SeriesJob[][] = [];
  for (let i = 0; i < total; i += batchSize) batches.push(jobs.slice(i, i + batchSize));
  const results: SeriesOutcome[][] = new Array(batches.length);
  const workerCount = Math.min(options.workers, batches.length);
  const url = new URL('./forecast-worker.mjs', import.meta.url);
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: workerCount }, () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(url);
          workers.push(worker);
          const feed = () => {
            if (next >= batches.length) return resolve();
            const batch = next++;
            worker.postMessage({ batch, jobs: batches[batch], settings });
          };
          worker.on('message', (m: { batch: number; outcomes: SeriesOutcome[] }) => {
            results[m.batch] = m.outcomes;
            done += m.outcomes.length;
            options.onProgress?.(done, total);
            feed();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code !== 0 ? reject(new Error(`forecast worker exited with code ${code}`)) : undefined));
          feed();
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}
