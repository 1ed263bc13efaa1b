import { Injectable, Type } from '@nestjs/common';
import { CrisisOnDuty } from './crisis-on-duty.port';
import { traceHeaders } from '@ips/observability';
import { ServiceCredentials, ServiceTokens } from './service-tokens';

/** Where the distributed employer service asks who is on municipal crisis duty, and as whom. */
export interface CrisisDutySettings {
  /** The municipality service (or the gateway) base URL: `GET {url}/municipality/crisis-duty/on-duty`. */
  readonly url: string;
  readonly credentials: ServiceCredentials;
  /** How long the line waits for an answer before it routes with nobody named (default 3 s). */
  readonly timeoutMs?: number;
}

/**
 * The distributed profile's answer to the employer line's "who is on crisis duty": the municipality's on-duty
 * route over HTTP, with the employer service's own identity (a client-credentials token with role `service`).
 * Any failure throws; the line then routes to the crisis tier with nobody named (OnDutyDirectory), so a
 * municipality outage never stops a request.
 */
export function httpCrisisOnDuty(settings: CrisisDutySettings): Type<CrisisOnDuty> {
  const tokens = new ServiceTokens(settings.credentials);
  const timeoutMs = settings.timeoutMs ?? 3_000;

  @Injectable()
  class HttpCrisisOnDuty implements CrisisOnDuty {
    async onDutyAt(instant: string): Promise<readonly string[]> {
      const url = new URL('/municipality/crisis-duty/on-duty', settings.url);
      url.searchParams.set('at', instant);
      for (let attempt = 1; ; attempt++) {
        const response = await fetch(url, {
          headers: { authorization: `Bearer ${await tokens.token()}`, accept: 'application/json', ...traceHeaders() },
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.status === 401 && attempt === 1) {
          tokens.forget(); // expired or rotated keys: one more try with a new token
          continue;
        }
        if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
        const body = (await response.json()) as { onDuty?: { workerId?: unknown }[] };
        if (!Array.isArray(body.onDuty)) throw new Error(`${url.pathname} gave no onDuty list`);
        return body.onDuty.map((worker) => worker.workerId).filter((id): id is string => typeof id === 'string');
      }
    }
  }
  return HttpCrisisOnDuty;
}
