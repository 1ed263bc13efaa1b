import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { get } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Debian's Prometheus (`apt-get install -y prometheus`), or PROMETHEUS_PATH. */
export const PROMETHEUS = process.env['PROMETHEUS_PATH'] ?? '/usr/bin/prometheus';

export const prometheusAvailable = (): boolean => spawnSync(PROMETHEUS, ['--version'], { stdio: 'ignore' }).status === 0;

/** Suites that need Prometheus: skipped without it, except in CI (`CI=true`), where they fail instead. */
export function describeWithPrometheus(name: string, suite: () => void): void {
  if (prometheusAvailable()) {
    describe(name, suite);
  } else if (process.env['CI']) {
    describe(name, () => {
      it('needs Prometheus', () => {
        throw new Error(`CI must run this suite; missing: ${PROMETHEUS} (apt-get install -y prometheus)`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: needs ${PROMETHEUS}, apt-get install -y prometheus)`, () => {
      it('scrapes the platform', () => undefined);
    });
  }
}

/** A port nobody listens on now, on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ScrapeTarget {
  /** `host:port` */
  readonly target: string;
  readonly bearerToken?: string;
}

/** One sample of an instant vector: its labels and value. */
export interface Sample {
  readonly metric: Record<string, string>;
  readonly value: number;
}

/** Prometheus as a plain child process on a loopback port, scraping `targets` every second, its data in a temp dir. */
export class RunningPrometheus {
  private constructor(
    private readonly process: ChildProcess,
    private readonly dir: string,
    readonly url: string,
    private readonly log: string[],
  ) {}

  static async start(targets: readonly ScrapeTarget[]): Promise<RunningPrometheus> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ips-prometheus-'));
    const jobs = targets.map(
      (target, n) => `  - job_name: ips-${n}
    metrics_path: /metrics
    static_configs:
      - targets: ['${target.target}']
${target.bearerToken ? `    authorization:\n      credentials: '${target.bearerToken}'\n` : ''}`,
    );
    const config = path.join(dir, 'prometheus.yml');
    await writeFile(config, `global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\nscrape_configs:\n${jobs.join('')}`);
    const port = await freePort();
    const child = spawn(
      PROMETHEUS,
      [`--config.file=${config}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const log: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    const prometheus = new RunningPrometheus(child, dir, `http://127.0.0.1:${port}`, log);
    await prometheus.until(async () => (await getText(`${prometheus.url}/-/ready`).catch(() => null))?.status === 200, 30_000, 'Prometheus to be ready');
    return prometheus;
  }

  /** An instant query through the HTTP API (`/api/v1/query`). */
  async query(promql: string): Promise<Sample[]> {
    const answer = await getText(`${this.url}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = JSON.parse(answer.text) as {
      status: string;
      error?: string;
      data?: { result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    if (body.status !== 'success') throw new Error(`${promql}: ${body.error ?? answer.status}`);
    return (body.data?.result ?? []).map((sample) => ({ metric: sample.metric, value: Number(sample.value[1]) }));
  }

  /** The query's one value once `accept` holds (Prometheus scrapes every second), else the last answer in the error. */
  async valueOnce(promql: string, accept: (value: number) => boolean, timeoutMs = 20_000): Promise<number> {
    let last: Sample[] = [];
    await this.until(
      async () => {
        last = await this.query(promql);
        return last.length === 1 && accept((last[0] as Sample).value);
      },
      timeoutMs,
      `${promql} (last: ${JSON.stringify(last)})`,
    );
    return (last[0] as Sample).value;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      this.process.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
      clearTimeout(timer);
      if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGKILL');
    }
    await rm(this.dir, { recursive: true, force: true });
  }

  private async until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await check()) return;
      if (this.process.exitCode !== null) throw new Error(`Prometheus exited (${this.process.exitCode}): ${this.log.join('')}`);
      if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** A GET without keep-alive: no socket left open to keep Jest waiting once Prometheus is gone. */
function getText(url: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      response.on('error', reject);
    }).on('error', reject);
  });
}
