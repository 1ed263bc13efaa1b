import { DynamicModule, Module } from '@nestjs/common';
import { WebClient } from '../config';
import { DEMO_SIGN_IN, DemoSignInController } from './demo-sign-in.controller';
import { DemoSignIn } from './demo-team';
import { WEB_CONFIG, WebConfigSource, webConfigOf } from './web-config';
import { WebConfigController } from './web-config.controller';

/**
 * The web app's routes under /auth: its sign-in configuration, and (embedded, unless DEMO_SIGN_IN=off) the demo
 * sign-in, whose routes answer 404 while its switch is off.
 */
@Module({})
export class WebModule {
  static with(options: { readonly oidc: readonly WebClient[]; readonly demo?: DemoSignIn }): DynamicModule {
    const { oidc, demo } = options;
    const mounted = demo && demo.switch.setting !== 'off' ? demo : undefined;
    const source: WebConfigSource = {
      current: () => {
        const off = demo?.switch.offBecause();
        return webConfigOf({ demoSignIn: demo !== undefined && off === undefined, ...(off ? { demoSignInOff: off } : {}), webClients: oidc });
      },
    };
    return {
      module: WebModule,
      controllers: [WebConfigController, ...(mounted ? [DemoSignInController] : [])],
      providers: [{ provide: WEB_CONFIG, useValue: source }, ...(mounted ? [{ provide: DEMO_SIGN_IN, useValue: mounted }] : [])],
    };
  }
}
