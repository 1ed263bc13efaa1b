import { DynamicModule, Type } from '@nestjs/common';
import { PlatformConfig, agencyServices } from '@ips/runtime';
import { TeamViewModule } from '@ips/team-view';

/** The embedded all-in-one: every agency's modules and the team view in one process. */
export const platformFeatures = (config: PlatformConfig): readonly (Type | DynamicModule)[] => [
  ...agencyServices.flatMap((service) => service.features(config, 'embedded')),
  TeamViewModule,
];

export const platformReactions = agencyServices.flatMap((service) => service.reactions);
