import { Logger } from '@nestjs/common';
import { EmployerModule, employerReaction, httpCrisisOnDuty } from '@ips/employer/feature';
import { MentalHealthModule, mentalHealthReaction } from '@ips/mental-health/feature';
import { MunicipalityModule } from '@ips/municipality/feature';
import { ProgrammeModule } from '@ips/programme/feature';
import { TeamDirectory, TeamDirectoryModule } from '@ips/team-directory';
import { WelfareOfficeModule } from '@ips/welfare-office/feature';
import { PlatformConfig } from './config';
import { MunicipalityCrisisOnDuty } from './municipality-crisis-on-duty.adapter';
import { AgencyService, reactionTo } from './compose';

/** Which modules and reactions each agency's service runs: the same in both profiles. */
export const agencyServices: readonly AgencyService[] = [
  // Referrals and transfers name a team: known from the service's own team directory (decision 27).
  { agency: 'welfare-office', features: () => [WelfareOfficeModule.withTeamRegistry({ useExisting: TeamDirectory })], reactions: [] },
  { agency: 'mental-health', features: () => [MentalHealthModule], reactions: [reactionTo(mentalHealthReaction)] },
  {
    agency: 'employer',
    features: (config, profile) => [
      EmployerModule.withConfig(
        // The embedded profile also writes every contact-line notification to the log.
        { minimumHourlyWage: config.minimumHourlyWage, contactLine: { log: profile === 'embedded', ...config.contactLine } },
        // In one process the municipality's rota answers directly; distributed, its on-duty route over HTTP.
        profile === 'embedded' ? { crisisOnDuty: MunicipalityCrisisOnDuty } : distributedCrisisOnDuty(config),
      ),
    ],
    reactions: [reactionTo(employerReaction)],
  },
  { agency: 'municipality', features: () => [MunicipalityModule], reactions: [] },
  // The IPS programme's registry of teams (decision 27): its team events are what every service checks access by.
  { agency: 'programme', features: () => [ProgrammeModule, TeamDirectoryModule], reactions: [] },
];

/** The municipality's on-duty route, asked as this service; none (the third tier then names nobody) when not configured. */
function distributedCrisisOnDuty(config: PlatformConfig): { crisisOnDuty?: ReturnType<typeof httpCrisisOnDuty> } {
  if (config.crisisDutyUrl && config.serviceCredentials) {
    return { crisisOnDuty: httpCrisisOnDuty({ url: config.crisisDutyUrl, credentials: config.serviceCredentials }) };
  }
  new Logger('employer').warn("CRISIS_DUTY_URL and SERVICE_* credentials not set: the contact line's crisis tier will name nobody");
  return {};
}

export function agencyService(agency: AgencyService['agency']): AgencyService {
  const service = agencyServices.find((candidate) => candidate.agency === agency);
  if (!service) throw new Error(`no service for ${agency}`);
  return service;
}
