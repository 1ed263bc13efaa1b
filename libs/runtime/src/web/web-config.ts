import { WebClient } from '../config';
import { DemoSignInOff } from './demo-team';

/** What the web app needs to know before anyone signs in: how to sign in here. */
export interface WebConfig {
  /** The embedded profile's demo sign-in (`GET /auth/demo-users`, `POST /auth/demo-sign-in`) is available. */
  readonly demoSignIn: boolean;
  /**
   * Embedded profile, while the demo sign-in is off: why. `no-demo-team`: the data directory holds no demo team, and
   * `npm run seed` (or starting with DEMO_SIGN_IN=on) would turn it on for a try-out; `switched-off`: DEMO_SIGN_IN=off.
   * Left out where there is no demo sign-in to speak of (the distributed profile) and while it is on.
   */
  readonly demoSignInOff?: DemoSignInOff;
  /** OpenID Connect providers to sign in with (authorization code + PKCE). */
  readonly oidc: readonly WebClient[];
}

export const webConfigOf = (options: { demoSignIn: boolean; demoSignInOff?: DemoSignInOff; webClients?: readonly WebClient[] }): WebConfig => ({
  demoSignIn: options.demoSignIn,
  ...(!options.demoSignIn && options.demoSignInOff ? { demoSignInOff: options.demoSignInOff } : {}),
  oidc: options.webClients ?? [],
});

/** Provides the WebConfig as it is at the moment of a request (the demo sign-in can turn on while the platform runs). */
export interface WebConfigSource {
  current(): WebConfig;
}

export const WEB_CONFIG = Symbol('WEB_CONFIG');
