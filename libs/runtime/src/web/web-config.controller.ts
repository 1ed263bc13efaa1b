import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WEB_CONFIG, WebConfig, WebConfigSource } from './web-config';

@ApiTags('auth')
@Controller('auth/config')
export class WebConfigController {
  constructor(@Inject(WEB_CONFIG) private readonly config: WebConfigSource) {}

  @Get()
  @ApiOperation({
    summary:
      'How the web app signs in here: the demo sign-in (embedded profile, when on) and/or OpenID Connect providers. ' +
      '`demoSignInOff` says why the embedded demo sign-in is off (`no-demo-team`: `npm run seed` or DEMO_SIGN_IN=on turns it on). No token needed.',
  })
  @ApiOkResponse({
    schema: { example: { demoSignIn: false, oidc: [{ issuer: 'https://login.example.org/realms/nav', clientId: 'ips-web', scope: 'openid profile' }] } },
  })
  webConfig(): WebConfig {
    return this.config.current();
  }
}
