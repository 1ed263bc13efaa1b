/**
 * The bench's child processes (generator workers, projection, platform): TypeScript through tools/register.js, a
 * task as JSON in argv, reports over IPC. Each reports its own peak RSS (getrusage maxrss), so the bench can print it
 * per process.
 */
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

export type ChildReport<R> =
  | { readonly kind: 'progress'; readonly text: string }
  | { readonly kind: 'result'; readonly value: R; readonly peakRss: number }
  | { readonly kind: 'failed'; readonly error: string };

export const peakRssOfThisProcess = (): number => process.resourceUsage().maxRSS * 1024;

export function forkTs(file: string, task: unknown, execArgv: readonly string[] = []): ChildProcess {
  return fork(path.join(__dirname, file), [JSON.stringify(task)], {
    execArgv: ['-r', path.join(__dirname, '..', 'register.js'), ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Runs a child to its result; progress lines go to `onProgress`. */
export function runChild<R>(file: string, task: unknown, onProgress?: (text: string) => void): Promise<{ value: R; peakRss: number }> {
  return new Promise((resolve, reject) => {
    const child = forkTs(file, task);
    let result: { value: R; peakRss: number } | undefined;
    let failure: string | undefined;
    child.on('message', (message: ChildReport<R>) => {
      if (message.kind === 'progress') onProgress?.(message.text);
      else if (message.kind === 'result') result = { value: message.value, peakRss: message.peakRss };
      else failure = message.error;
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`${file} exited with ${code}: ${failure ?? 'no result'}`))));
  });
}

/** The child's side: runs `work` with the task from argv, sends its result (or failure) and exits. */
export function childMain<T, R>(work: (task: T, progress: (text: string) => void) => Promise<R>): void {
  const task = JSON.parse(process.argv[2] ?? '{}') as T;
  const send = (message: ChildReport<R>, then?: () => void): void => {
    if (process.send) process.send(message, undefined, undefined, () => then?.());
    else then?.();
  };
  work(task, (text) => send({ kind: 'progress', text })).then(
    (value) => send({ kind: 'result', value, peakRss: peakRssOfThisProcess() }, () => process.exit(0)),
    (error: unknown) => send({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1)),
  );
}
