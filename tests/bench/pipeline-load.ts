/** The command pipeline's load for benchmarks: writers each running a small command in a loop for a while. */
import { randomUUID } from 'node:crypto';
import { CommandPipeline, Slice } from '@ips/command-pipeline';
import { Command, DomainEvent, accept } from '@ips/kernel';

type Noted = DomainEvent<'Noted', { participantId: string; count: number }>;
const slice: Slice<number, Noted> = {
  aggregate: { category: 'bench.notes', initialState: 0, evolve: (count) => count + 1 },
  toShared: () => [],
};
const note = (): Command<'Note', object> => ({
  type: 'Note',
  data: {},
  metadata: { actor: { sub: 'es-1', agency: 'welfare-office', role: 'employment-specialist' }, correlationId: randomUUID(), now: new Date().toISOString() },
});

export interface PipelineCell {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
  readonly commands: number;
  /** This process's CPU time over the cell (user + system), seconds. */
  readonly cpuSeconds: number;
}

/** `writers` at once for `seconds`: each on a participant of its own, or (`oneStream`) all on one. A failure is counted, not retried. */
export async function measurePipeline(
  pipeline: CommandPipeline,
  { writers, seconds, oneStream }: { writers: number; seconds: number; oneStream: boolean },
): Promise<PipelineCell> {
  const shared = randomUUID();
  const latencies: number[] = [];
  let failed = 0;
  const deadline = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const own = randomUUID();
      const id = oneStream ? shared : own;
      while (Date.now() < deadline) {
        const t0 = process.hrtime.bigint();
        try {
          await pipeline.run(slice, id, note(), (_, count) => accept<Noted>({ type: 'Noted', data: { participantId: id, count: count + 1 } }));
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch {
          failed++;
        }
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    perSecond: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    failed,
    commands: latencies.length,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}
