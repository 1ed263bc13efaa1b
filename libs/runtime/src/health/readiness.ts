import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { ConsumerStatus, ConsumerStatuses } from '@ips/messaging';
import { SqlDriver, pendingMigrations } from '@ips/postgres';
import { LagBudget } from './lag-budget';

/** Something that answers when asked (the key store's database). */
export interface Reachable {
  ping(): Promise<void>;
}

/** What a service's readiness looks at: its database and migrations, its consumers of the bus, the key store. */
export interface ReadinessProbes {
  readonly db: SqlDriver;
  readonly consumers: ConsumerStatuses;
  readonly lagBudget: LagBudget;
  /** Left out where a service has none to reach (then not checked). */
  readonly keyStore?: Reachable;
}

export const READINESS_PROBES = Symbol('READINESS_PROBES');

/** One check: up, or down with what is wrong (terminus's indicator result, keyed by the check's name). */
export type ReadinessCheck = (indicators: HealthIndicatorService) => Promise<HealthIndicatorResult>;

/** A check that does not answer within this is down: a probe must answer before its own timeout. */
const CHECK_TIMEOUT_MS = 3_000;

function within<T>(work: Promise<T>, ms = CHECK_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Why a consumer keeps its service from being ready, or null when it does not. */
export function consumerProblem(status: ConsumerStatus, budget: LagBudget): string | null {
  if (status.state === 'stopped') return `stopped: ${status.reason ?? 'no reason given'}`;
  if (status.state === 'starting') return 'not yet following its source';
  if (status.lag && status.lag.seconds > budget.seconds) return `${status.lag.seconds} s behind its source (budget ${budget.seconds} s)`;
  if (status.lag && budget.events !== undefined && status.lag.events > budget.events) {
    return `${status.lag.events} messages behind its source (budget ${budget.events})`;
  }
  return null;
}

const reachable =
  (name: string, ping: () => Promise<unknown>): ReadinessCheck =>
  async (indicators) => {
    try {
      await within(ping());
      return indicators.check(name).up();
    } catch {
      return indicators.check(name).down({ message: 'does not answer' });
    }
  };

/** Every migration this process applied to the database is recorded there (libs/postgres `pendingMigrations`). */
const migrations =
  (db: SqlDriver): ReadinessCheck =>
  async (indicators) => {
    try {
      const pending = await within(pendingMigrations(db));
      return pending.length === 0 ? indicators.check('migrations').up() : indicators.check('migrations').down({ pending });
    } catch {
      return indicators.check('migrations').down({ message: 'could not be read' });
    }
  };

/** Every consumer follows its source within the lag budget; the answer names each one, and why one is not ready. */
export const consumersCheck =
  (consumers: ConsumerStatuses, budget: LagBudget): ReadinessCheck =>
  async (indicators) => {
    let statuses: ConsumerStatus[];
    try {
      statuses = await within(consumers.all());
    } catch {
      return indicators.check('consumers').down({ message: 'could not say where they stand' });
    }
    const listed = statuses.map((status) => {
      const problem = consumerProblem(status, budget);
      return { consumer: status.consumer, state: status.state, lag: status.lag, ...(problem ? { problem } : {}) };
    });
    return listed.some((consumer) => consumer.problem)
      ? indicators.check('consumers').down({ consumers: listed })
      : indicators.check('consumers').up({ consumers: listed });
  };

/** The checks of `/health/ready`, in the order they are listed. */
export function readinessChecks(probes: ReadinessProbes): ReadinessCheck[] {
  const { db, keyStore } = probes;
  return [
    reachable('database', () => db.query('select 1')),
    migrations(db),
    consumersCheck(probes.consumers, probes.lagBudget),
    ...(keyStore ? [reachable('keyStore', () => keyStore.ping())] : []),
  ];
}
