/**
 * The scale bench's generator on PGlite (the embedded profile), in a process of its own: PGlite is one process's, so
 * the programme and every participant are written here (generate.ts with no workers), PGlite's engine in the same
 * process. Answers the figures without the plan (the parent makes the same plan from the seed).
 */
import { childMain } from './child';
import { GenerateResult, generateCountry } from './generate';

export interface PgliteGenerateTask {
  readonly dataDir: string;
  readonly participants: number;
  readonly concurrency: number;
}

export type GeneratedFigures = Omit<GenerateResult, 'plan'>;

const n = (value: number): string => Math.round(value).toLocaleString('en');

childMain<PgliteGenerateTask, GeneratedFigures>(async ({ dataDir, participants, concurrency }, progress) => {
  const { plan: _plan, ...figures } = await generateCountry({
    dataDir,
    participants,
    concurrency,
    onProgress: (p) =>
      progress(
        `  generating: ${n(p.participantsDone)}/${n(p.participants)} participants, ${n(p.events)} events (${n(p.events / p.seconds)}/s), ${n(p.outbox)} shared, ${Math.round(p.seconds)} s`,
      ),
  });
  return figures;
});
