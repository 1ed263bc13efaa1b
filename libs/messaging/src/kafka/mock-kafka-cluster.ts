import { ChildProcess, spawn, spawnSync } from 'node:child_process';

/**
 * librdkafka's mock cluster (Debian's kcat), which speaks the Kafka protocol on loopback ports: for tests
 * and a local try-out of the distributed profile, never for real data. Its data
 * lives in the kcat process: `freeze()` (SIGSTOP) makes Kafka unreachable without losing anything,
 * `thaw()` (SIGCONT) brings it back.
 */
export class MockKafkaCluster {
  private constructor(
    private readonly process: ChildProcess,
    readonly brokers: readonly string[],
  ) {}

  static available(): boolean {
    return spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status === 0;
  }

  static start(brokerCount = 3): Promise<MockKafkaCluster> {
    const child = spawn('kcat', ['-b', 'dummy:1', '-X', `test.mock.num.brokers=${brokerCount}`, '-C', '-t', 'mock-keepalive', '-d', 'mock'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return new Promise((resolve, reject) => {
      let seen = '';
      let found = false;
      const timer = setTimeout(() => reject(new Error(`kcat printed no bootstrap.servers: ${seen.slice(0, 500)}`)), 10_000);
      child.once('error', reject);
      // The mock's debug log never stops: keep reading stderr so kcat never blocks on a full pipe.
      child.stderr?.on('data', (chunk: Buffer) => {
        if (found) return;
        seen += chunk.toString();
        const match = /bootstrap\.servers=(\S+)/.exec(seen);
        if (match?.[1]) {
          clearTimeout(timer);
          found = true;
          resolve(new MockKafkaCluster(child, match[1].split(',')));
        }
      });
    });
  }

  freeze(): void {
    this.process.kill('SIGSTOP');
  }

  thaw(): void {
    this.process.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null) return;
    this.thaw();
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGKILL');
    await exited;
  }
}
