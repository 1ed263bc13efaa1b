import { issueToken, loadOrCreateSigningKey } from '@ips/access';
import { Send } from './demo-team.seed';

/**
 * What the platform answers while an event of a moment ago is still on its way: another agency has not noted the
 * enrolment yet (the reactions run just after it), or a service's team directory has not read the referral (work need
 * is checked on it) or the team's definition yet. The seed never names a participant or team that does not exist.
 */
const NOT_YET = ['PARTICIPANT.NOT_ENROLLED', 'PARTICIPANT.NOT_FOUND', 'TEAM.NOT_FOUND'];

/**
 * Sends the seed's requests to a platform at `baseUrl` with tokens of the embedded key in `dataDir`. A request that
 * answers one of NOT_YET is tried again for a few seconds; any other refusal stops the seed with the problem.
 */
export async function httpSend(baseUrl: string, dataDir: string): Promise<Send> {
  const key = await loadOrCreateSigningKey(dataDir);
  const tokens = new Map<string, string>();
  return async (as, method, path, body) => {
    const cacheKey = `${as.agency}/${as.role}/${as.sub}/${as.employerId ?? ''}`;
    let token = tokens.get(cacheKey);
    if (!token) {
      token = await issueToken(key, { sub: as.sub, agency: as.agency, role: as.role, ...(as.employerId ? { employerId: as.employerId } : {}) });
      tokens.set(cacheKey, token);
    }
    const deadline = Date.now() + 10_000;
    for (;;) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      const answer = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      if (response.ok) return answer;
      if (NOT_YET.includes(String(answer['code'])) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      throw new Error(`${method} ${path} as ${as.sub}: ${response.status} ${String(answer['code'] ?? '')} ${String(answer['detail'] ?? text)}`);
    }
  };
}
