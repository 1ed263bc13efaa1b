import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { api } from './api';
import { write } from './routes';

export interface SessionUser {
  readonly sub: string;
  readonly name: string;
  readonly agency: string;
  readonly role: string;
  readonly participantId?: string;
  readonly employerId?: string;
}

export interface Session {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: SessionUser;
}

export interface OidcClient {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
}

export interface WebConfig {
  readonly demoSignIn: boolean;
  /** Why the embedded platform's demo sign-in is off; `no-demo-team`: it can be turned on for a try-out. */
  readonly demoSignInOff?: 'no-demo-team' | 'switched-off';
  readonly oidc: readonly OidcClient[];
}

export interface DemoUser {
  readonly id: string;
  readonly name: string;
  readonly agency: string;
  readonly role: string;
  readonly participantId?: string;
  readonly employerId?: string;
  readonly jobTitles?: readonly string[];
}

const KEY = 'ips.session';

/** The session lives in this tab only (sessionStorage): closing the tab signs out. */
export function storedSession(): Session | null {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return null;
  const session = JSON.parse(stored) as Session;
  return Date.parse(session.expiresAt) > Date.now() ? session : null;
}

export const storeSession = (session: Session | null): void =>
  session ? sessionStorage.setItem(KEY, JSON.stringify(session)) : sessionStorage.removeItem(KEY);

export const webConfig = (): Promise<WebConfig> => api<WebConfig>('/auth/config');
export const demoUsers = async (): Promise<DemoUser[]> => (await api<{ users: DemoUser[] }>('/auth/demo-users')).users;

export async function demoSignIn(userId: string): Promise<Session> {
  const answer = await write<{ token: string; expiresAt: string; user: DemoUser }>('POST /auth/demo-sign-in', {}, { userId });
  const claims = claimsOf(answer.token);
  return { token: answer.token, expiresAt: answer.expiresAt, user: { ...claims, name: answer.user.name } };
}

/** The claims the API reads (sub, agency, role, participantId, employerId) from a JWT's payload. */
export function claimsOf(token: string): Omit<SessionUser, 'name'> {
  const payload = token.split('.')[1] ?? '';
  const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  const text = (key: string) => (typeof json[key] === 'string' ? (json[key] as string) : undefined);
  return {
    sub: text('sub') ?? '',
    agency: text('agency') ?? '',
    role: text('role') ?? '',
    ...(text('participantId') ? { participantId: text('participantId') } : {}),
    ...(text('employerId') ? { employerId: text('employerId') } : {}),
  };
}

// OpenID Connect, authorization code + PKCE (oidc-client-ts makes the verifier and checks state and nonce).
const CALLBACK = '/signin-callback';
const managerFor = (client: OidcClient): UserManager =>
  new UserManager({
    authority: client.issuer,
    client_id: client.clientId,
    redirect_uri: `${window.location.origin}${CALLBACK}`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    scope: client.scope,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });

export async function startOidcSignIn(client: OidcClient): Promise<void> {
  sessionStorage.setItem('ips.oidc-client', JSON.stringify(client));
  await managerFor(client).signinRedirect();
}

export const isOidcCallback = (): boolean => window.location.pathname === CALLBACK;

/** Back from the identity provider: the access token (with the agency/role claims the API needs) becomes the session. */
export async function completeOidcSignIn(): Promise<Session> {
  const stored = sessionStorage.getItem('ips.oidc-client');
  if (!stored) throw new Error('no sign-in was started from this tab');
  const user = await managerFor(JSON.parse(stored) as OidcClient).signinCallback();
  if (!user?.access_token) throw new Error('the identity provider sent no access token');
  const claims = claimsOf(user.access_token);
  return {
    token: user.access_token,
    expiresAt: new Date((user.expires_at ?? Date.now() / 1000 + 3600) * 1000).toISOString(),
    user: { ...claims, name: String(user.profile.name ?? user.profile.preferred_username ?? claims.sub) },
  };
}
