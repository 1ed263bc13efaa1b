import { EmployerModule, employerReaction } from '@ips/employer/feature';
import { MentalHealthModule, mentalHealthReaction } from '@ips/mental-health/feature';
import { MunicipalityModule } from '@ips/municipality/feature';
import { WelfareOfficeModule } from '@ips/welfare-office/feature';
import { MunicipalityCrisisOnDuty } from './municipality-crisis-on-duty.adapter';
import { AgencyService, reactionTo } from './services';

/** Which modules and reactions each agency's service runs: the same in both profiles. */
export const agencyServices: readonly AgencyService[] = [
  { agency: 'welfare-office', features: () => [WelfareOfficeModule], reactions: [] },
  { agency: 'mental-health', features: () => [MentalHealthModule], reactions: [reactionTo(mentalHealthReaction)] },
  {
    agency: 'employer',
    features: (config, profile) => [
      EmployerModule.withConfig(
        // The embedded profile also writes every contact-line notification to the log.
        { minimumHourlyWage: config.minimumHourlyWage, contactLine: { log: profile === 'embedded', ...config.contactLine } },
        // In one process the municipality's rota answers directly; the distributed profile has no crisis adapter yet.
        profile === 'embedded' ? { crisisOnDuty: MunicipalityCrisisOnDuty } : {},
      ),
    ],
    reactions: [reactionTo(employerReaction)],
  },
  { agency: 'municipality', features: () => [MunicipalityModule], reactions: [] },
];

export function agencyService(agency: AgencyService['agency']): AgencyService {
  const service = agencyServices.find((candidate) => candidate.agency === agency);
  if (!service) throw new Error(`no service for ${agency}`);
  return service;
}
