/** How a service proves who it is to another: an OAuth 2.0 client of its identity provider (client credentials). */
export interface ServiceCredentials {
  /** The identity provider's token endpoint. */
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Renew this long before the token runs out, so a call never leaves with a token about to expire. */
const RENEW_BEFORE_MS = 60_000;

/**
 * Access tokens for calls to other services, by the client credentials grant (RFC 6749 §4.4, client_secret_basic):
 * one token at a time, kept until a minute before it expires; concurrent callers share one request for a new one.
 */
export class ServiceTokens {
  private current: { token: string; renewAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly credentials: ServiceCredentials,
    private readonly timeoutMs = 5_000,
  ) {}

  async token(): Promise<string> {
    if (this.current && Date.now() < this.current.renewAt) return this.current.token;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** The token was refused (401): the next call asks for a new one. */
  forget(): void {
    this.current = null;
  }

  private async fetchToken(): Promise<string> {
    const { tokenUrl, clientId, clientSecret } = this.credentials;
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`token endpoint ${tokenUrl} answered ${response.status}`);
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown; token_type?: unknown };
    if (typeof body.access_token !== 'string' || String(body.token_type).toLowerCase() !== 'bearer') {
      throw new Error(`token endpoint ${tokenUrl} gave no bearer token`);
    }
    const lifetimeMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 300) * 1000;
    this.current = { token: body.access_token, renewAt: Date.now() + Math.max(lifetimeMs - RENEW_BEFORE_MS, lifetimeMs / 2) };
    return body.access_token;
  }
}
