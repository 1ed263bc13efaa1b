import { DynamicModule, Global, Module } from '@nestjs/common';
import { TeamDirectory } from '../team-directory';

/**
 * Provides a TeamDirectory to a feature test app (`startFeatureTestApp({ imports: [TeamDirectoryTestModule.with(directory),
 * …] })`), as ServiceModule does in a service. A directory opened without an outbox never waits in `waitForHead`.
 */
@Global()
@Module({})
export class TeamDirectoryTestModule {
  static with(directory: TeamDirectory): DynamicModule {
    return { module: TeamDirectoryTestModule, providers: [{ provide: TeamDirectory, useValue: directory }], exports: [TeamDirectory] };
  }
}
