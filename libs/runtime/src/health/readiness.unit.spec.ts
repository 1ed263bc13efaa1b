import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { INestApplicationContext } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ProblemException } from '@ips/http';
import { ConsumerStatus, ConsumerStatuses } from '@ips/messaging';
import { SqlDriver } from '@ips/postgres';
import { HealthController } from '../health.controller';
import { LagBudget } from './lag-budget';
import { READINESS_PROBES, ReadinessProbes, consumerProblem } from './readiness';

const following = (consumer: string, lag: ConsumerStatus['lag'] = { events: 0, seconds: 0 }): ConsumerStatus => ({ consumer, state: 'following', lag });
const statusesOf = (...statuses: ConsumerStatus[]): ConsumerStatuses => {
  const consumers = new ConsumerStatuses();
  for (const status of statuses) consumers.add({ status: async () => status });
  return consumers;
};
/** A database that answers; no migration was applied through it here, so none can be missing. */
const answeringDb = { query: async () => [] } as unknown as SqlDriver;

async function controllerWith(probes: Partial<ReadinessProbes>): Promise<{ controller: HealthController; close: () => Promise<void> }> {
  @Module({
    imports: [TerminusModule.forRoot({ logger: false })],
    controllers: [HealthController],
    providers: [{ provide: READINESS_PROBES, useValue: { db: answeringDb, consumers: statusesOf(), lagBudget: { seconds: 60 }, ...probes } }],
  })
  class HealthTestModule {}
  const context: INestApplicationContext = await NestFactory.createApplicationContext(HealthTestModule, { logger: false });
  return { controller: context.get(HealthController), close: () => context.close() };
}

async function refusal(work: Promise<unknown>): Promise<ProblemException> {
  const error = await work.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ProblemException);
  return error as ProblemException;
}

const checksOf = (refused: ProblemException) => refused.problem as ProblemException['problem'] & { checks: Record<string, unknown> };

describe('readiness: the consumers of the bus', () => {
  const budget: LagBudget = { seconds: 60, events: 1_000 };

  it('counts a consumer that follows within the budget, or whose source cannot say where it ends', () => {
    expect(consumerProblem(following('team-view', { events: 999, seconds: 60 }), budget)).toBeNull();
    expect(consumerProblem(following('team-view', null), budget)).toBeNull();
  });

  it('names why a consumer is not ready: stopped (with its reason), still starting, too far behind in time or messages', () => {
    expect(consumerProblem({ consumer: 'team-view', state: 'stopped', reason: 'its checkpoints belong to another cluster', lag: null }, budget)).toBe(
      'stopped: its checkpoints belong to another cluster',
    );
    expect(consumerProblem({ consumer: 'team-view', state: 'starting', lag: null }, budget)).toBe('not yet following its source');
    expect(consumerProblem(following('team-view', { events: 3, seconds: 61 }), budget)).toMatch(/61 s behind/);
    expect(consumerProblem(following('team-view', { events: 1_001, seconds: 1 }), budget)).toMatch(/1001 messages behind/);
    expect(consumerProblem(following('team-view', { events: 1_000_000, seconds: 1 }), { seconds: 60 })).toBeNull();
  });
});

describe('GET /health/ready and GET /health (terminus)', () => {
  it('is ready while every check is up, listing each check and consumer', async () => {
    const { controller, close } = await controllerWith({ consumers: statusesOf(following('team-directory'), following('team-view')) });
    try {
      const ready = await controller.ready();
      expect(ready.status).toBe('ok');
      expect(Object.keys(ready.details)).toEqual(['database', 'migrations', 'consumers']);
      expect(ready.details['consumers']).toMatchObject({ status: 'up', consumers: [{ consumer: 'team-directory' }, { consumer: 'team-view' }] });
      await expect(controller.health()).resolves.toEqual({ status: 'ok' });
      expect(controller.live()).toEqual({ status: 'ok' });
    } finally {
      await close();
    }
  });

  it('is not ready (503 problem+json) while a consumer is stopped, naming it and its reason; the other checks still listed', async () => {
    // Given a team view consumer that refused to go on
    const stopped: ConsumerStatus = { consumer: 'team-view', state: 'stopped', reason: 'its checkpoints belong to another Kafka cluster', lag: null };
    const { controller, close } = await controllerWith({ consumers: statusesOf(following('team-directory'), stopped) });
    try {
      // when the orchestrator asks
      const problem = checksOf(await refusal(controller.ready()));
      // then 503 HEALTH.NOT_READY, the consumers check down, the stopped consumer named with its reason
      expect(problem).toMatchObject({ status: 503, code: 'HEALTH.NOT_READY', detail: 'not ready: consumers down' });
      expect(problem.checks['database']).toEqual({ status: 'up' });
      expect(problem.checks['consumers']).toEqual({
        status: 'down',
        consumers: [
          { consumer: 'team-directory', state: 'following', lag: { events: 0, seconds: 0 } },
          { consumer: 'team-view', state: 'stopped', lag: null, problem: 'stopped: its checkpoints belong to another Kafka cluster' },
        ],
      });
      // and /health, the fixed route, answers the same problem
      expect((await refusal(controller.health())).problem).toMatchObject({ status: 503, code: 'HEALTH.NOT_READY' });
      // while the process is alive all the same
      expect(controller.live()).toEqual({ status: 'ok' });
    } finally {
      await close();
    }
  });

  it('is not ready while the database or the key store does not answer', async () => {
    const failing = { query: async () => Promise.reject(new Error('connection refused')) } as unknown as SqlDriver;
    const { controller, close } = await controllerWith({ db: failing, keyStore: { ping: async () => Promise.reject(new Error('down')) } });
    try {
      const problem = checksOf(await refusal(controller.ready()));
      expect(problem.detail).toBe('not ready: database, keyStore down');
      expect(problem.checks['database']).toEqual({ status: 'down', message: 'does not answer' });
      expect(problem.checks['keyStore']).toEqual({ status: 'down', message: 'does not answer' });
    } finally {
      await close();
    }
  });
});
