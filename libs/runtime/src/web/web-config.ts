import { WebClient } from '../config';

/** What the web app needs to know before anyone signs in: how to sign in here. */
export interface WebConfig {
  /** The embedded profile's demo sign-in (`GET /auth/demo-users`, `POST /auth/demo-sign-in`) is available. */
  readonly demoSignIn: boolean;
  /** OpenID Connect providers to sign in with (authorization code + PKCE). */
  readonly oidc: readonly WebClient[];
}

export const webConfigOf = (options: { demoSignIn: boolean; webClients?: readonly WebClient[] }): WebConfig => ({
  demoSignIn: options.demoSignIn,
  oidc: options.webClients ?? [],
});

export const WEB_CONFIG = Symbol('WEB_CONFIG');
