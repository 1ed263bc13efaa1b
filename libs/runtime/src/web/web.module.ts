import { DynamicModule, Module } from '@nestjs/common';
import { SigningKey } from '@ips/access';
import { DEMO_SIGNING_KEY, DemoSignInController } from './demo-sign-in.controller';
import { WEB_CONFIG, WebConfig } from './web-config';
import { WebConfigController } from './web-config.controller';

/** The web app's routes under /auth: its sign-in configuration, and (embedded, when on) the demo sign-in. */
@Module({})
export class WebModule {
  static with(config: WebConfig, demoKey?: SigningKey): DynamicModule {
    return {
      module: WebModule,
      controllers: [WebConfigController, ...(config.demoSignIn && demoKey ? [DemoSignInController] : [])],
      providers: [{ provide: WEB_CONFIG, useValue: config }, ...(demoKey ? [{ provide: DEMO_SIGNING_KEY, useValue: demoKey }] : [])],
    };
  }
}
