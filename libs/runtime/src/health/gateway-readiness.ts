/** One service's readiness as the gateway sees it: its `/health/ready` answer, in short. */
export interface ServiceReadiness {
  readonly name: string;
  readonly url: string;
  readonly status: 'up' | 'down';
  /** The checks that are down (`database`, `migrations`, `consumers`, `keyStore`), with what they say. */
  readonly failing?: Readonly<Record<string, unknown>>;
  /** Why it is down when it gave no checks: it does not answer, or answered something else. */
  readonly detail?: string;
}

export interface GatewayReadiness {
  readonly status: 'ok' | 'error';
  readonly services: readonly ServiceReadiness[];
}

/** An HTTP GET of JSON (the gateway's): status and parsed body; rejects when the service does not answer. */
export type GetJson = (url: string) => Promise<{ status: number; body: unknown }>;

type Checks = Record<string, { status?: string }>;

const failingOf = (checks: Checks): Record<string, unknown> => Object.fromEntries(Object.entries(checks).filter(([, check]) => check?.status !== 'up'));

/** A service that has not answered within this is down: the gateway's own probe must answer in time. */
const ANSWER_WITHIN_MS = 5_000;

const within = <T>(work: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer in time')), ANSWER_WITHIN_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
};

/** Asks one service for its readiness. */
async function readinessOf(name: string, url: string, get: GetJson): Promise<ServiceReadiness> {
  let answer: { status: number; body: unknown };
  try {
    answer = await within(get(`${url}/health/ready`));
    // A service from before /health/ready (a rolling upgrade): its /health says ready or not, without checks.
    if (answer.status === 404) answer = await within(get(`${url}/health`));
  } catch {
    return { name, url, status: 'down', detail: 'does not answer' };
  }
  if (answer.status === 200) return { name, url, status: 'up' };
  const checks = (answer.body as { checks?: Checks } | null)?.checks;
  return checks ? { name, url, status: 'down', failing: failingOf(checks) } : { name, url, status: 'down', detail: `answered ${answer.status}` };
}

/** Every service's readiness (asked at once), in the routes' order: ready when every one is. */
export async function gatewayReadiness(routes: Readonly<Record<string, string>>, get: GetJson): Promise<GatewayReadiness> {
  const services = await Promise.all(Object.entries(routes).map(([name, url]) => readinessOf(name, url, get)));
  return { status: services.every((service) => service.status === 'up') ? 'ok' : 'error', services };
}
