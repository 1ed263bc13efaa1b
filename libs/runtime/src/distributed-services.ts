/** The distributed profile's processes besides the gateway: the four agencies, the programme and the team view. */
export const DISTRIBUTED_SERVICES = ['welfare-office', 'mental-health', 'employer', 'municipality', 'programme', 'team-view'] as const;
export type DistributedService = (typeof DISTRIBUTED_SERVICES)[number];
