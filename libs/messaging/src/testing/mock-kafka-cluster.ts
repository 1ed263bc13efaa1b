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

  /**
   * Every record of a topic as the brokers hold it, read with kcat (not kafkajs): key, headers and value
   * bytes, from the first offset of every partition to the current end.
   */
  topicBytes(topic: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const child = spawn('kcat', ['-b', this.brokers.join(','), '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%k\n%h\n%s\n'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let errors = '';
      child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`kcat could not read ${topic}: ${errors.slice(0, 500)}`))));
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
