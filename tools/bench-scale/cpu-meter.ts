/**
 * CPU time used by the bench's own processes (its children, and the PostgreSQL backends serving its databases), read
 * from /proc: on a machine shared with other work the wall-clock rate says little, the CPU seconds per event say what
 * the same work costs on an idle machine. Linux only; elsewhere it reports nothing.
 */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process, seconds; undefined once it is gone. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export class CpuMeter {
  private readonly last = new Map<number, { group: string; seconds: number }>();
  private readonly timer: NodeJS.Timeout;
  private readonly client: Client;
  private connected: Promise<void>;

  /** Samples every second: `pids()` (by group) and the backends of `databases` on the server at `serverUrl`. */
  constructor(
    serverUrl: string,
    private readonly databases: readonly string[],
    private readonly pids: () => ReadonlyMap<number, string>,
  ) {
    this.client = new Client({ connectionString: serverUrl });
    this.connected = this.client.connect().then(
      () => undefined,
      () => undefined,
    );
    this.timer = setInterval(() => void this.sample(), 1000);
  }

  async sample(): Promise<void> {
    for (const [pid, group] of this.pids()) this.note(pid, group);
    try {
      await this.connected;
      const { rows } = await this.client.query<{ pid: number }>('select pid from pg_stat_activity where datname = any($1::text[])', [this.databases]);
      for (const { pid } of rows) this.note(pid, 'postgres');
    } catch {
      // the server is gone or busy: the next sample
    }
  }

  private note(pid: number, group: string): void {
    const seconds = cpuSecondsOf(pid);
    if (seconds !== undefined) this.last.set(pid, { group, seconds: Math.max(seconds, this.last.get(pid)?.seconds ?? 0) });
  }

  /** CPU seconds by group, as last sampled (a process's time from its start). */
  totals(): Record<string, number> {
    const totals: Record<string, number> = {};
    for (const { group, seconds } of this.last.values()) totals[group] = (totals[group] ?? 0) + seconds;
    return totals;
  }

  async stop(): Promise<Record<string, number>> {
    clearInterval(this.timer);
    await this.sample();
    await this.client.end().catch(() => undefined);
    return this.totals();
  }
}
