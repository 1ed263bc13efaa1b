/**
 * One generator process of the scale bench (forked by generate.ts): writes every `stride`-th participant from
 * `first` and reports its counts to the parent over IPC, then its peak RSS.
 */
import { WorkerReport, WorkerTask, runWorker } from './generate';

const task = JSON.parse(process.argv[2] ?? '{}') as WorkerTask;
const report = (message: WorkerReport): void => {
  process.send?.(message);
};
/** The last report, then exit once it is sent. */
const last = (message: WorkerReport, code: number): void => {
  if (!process.send) process.exit(code);
  process.send(message, undefined, undefined, () => process.exit(code));
};

runWorker(task, report).then(
  (done) => last(done, 0),
  (error: unknown) => last({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, 1),
);
