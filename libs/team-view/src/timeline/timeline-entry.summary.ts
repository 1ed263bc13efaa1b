import { DEFAULT_TEAM_ID, KnownSharedEvent, ON_CALL_TIERS, SharedEvent } from '@ips/contracts';

const list = (items: readonly string[]): string => (items.length > 0 ? items.join(', ') : 'none');

const TIERS: Record<string, string> = {
  'employment-specialist': 'the employment specialist on call',
  supervisor: 'the IPS supervisor on call',
  'crisis-service': 'the municipal crisis service',
};
const TIER_ORDER: readonly string[] = ON_CALL_TIERS;
const onCall = (tier: string, assigneeId: string | undefined): string => `${TIERS[tier] ?? tier} ${assigneeId ? `(${assigneeId})` : '(nobody on duty)'}`;
const clock = (instant: string): string => `${instant.slice(0, 16).replace('T', ' ')} UTC`;
// The entry holds only ids; the team directory will give names.
const team = (teamId: string): string => (teamId === DEFAULT_TEAM_ID ? 'the default team' : `team ${teamId}`);

/** One line a person can read, for the timeline. Unknown (newer) event types still get a line. */
export function summarise(event: SharedEvent): string {
  const known = event as KnownSharedEvent;
  switch (known.type) {
    case 'ParticipantReferred':
      return `Referred to IPS by ${known.data.referredBy}`;
    case 'ParticipantTransferred':
      return `Transferred from ${team(known.data.fromTeamId)} to ${team(known.data.toTeamId)} as of ${known.data.on}: ${known.data.reason}`;
    case 'ReferralWithdrawn':
      return `Referral withdrawn by the participant: ${known.data.reason}`;
    case 'ParticipantEnrolled':
      return `Enrolled with employment specialist ${known.data.employmentSpecialistId}; contact person ${known.data.contactPersonId}`;
    case 'ConsentGiven':
      return `Consent: shares with ${list(known.data.shareWith)}; employer ${known.data.employerDisclosure ? 'may' : 'may not'} be told`;
    case 'ConsentWithdrawn':
      return 'Consent withdrawn';
    case 'CareerProfileCreated':
      return 'Career profile created';
    case 'CareerProfileUpdated':
      return 'Career profile updated';
    case 'ActionPlanWritten':
      return `Action plan: ${list(known.data.goals)} (${known.data.hoursPerWeek} h/week)${known.data.proposalId ? ", recorded from the participant's proposal" : ''}`;
    case 'ActionPlanProposed':
      return `The participant proposed an action plan: ${list(known.data.goals)} (${known.data.hoursPerWeek} h/week)`;
    case 'BenefitsCounsellingHeld':
      return `Benefits counselling on ${known.data.heldOn}`;
    case 'EmployerContactMade':
      return `Employer contact (${known.data.kind}) on ${known.data.contactedOn}`;
    case 'ParticipantContactRecorded':
      return `Contact with the participant (${known.data.mode}${known.data.inCommunity ? ', in the community' : ''}) on ${known.data.contactedOn}`;
    case 'ParticipantDischarged':
      return `Discharged: ${known.data.reason}`;
    case 'ContactDetailsChanged':
      return 'Contact details changed';
    case 'ParticipantErased':
      return `Personal data erased by ${known.recordedBy.sub}: names, birth date, phone numbers and free text read as [erased]`;
    case 'TreatmentTeamLinked':
      return `Treatment team: ${known.data.teamName}`;
    case 'IntegrationMeetingHeld':
      return `Integration meeting on ${known.data.heldOn}: ${list(known.data.decisions)}`;
    case 'RelapseRiskFlagRaised':
      return `Relapse risk flag raised: ${known.data.level}, review by ${known.data.reviewBy}`;
    case 'RelapseRiskFlagChanged':
      return `Relapse risk flag changed: ${known.data.level}, review by ${known.data.reviewBy}`;
    case 'RelapseRiskFlagCleared':
      return 'Relapse risk flag cleared';
    case 'TreatmentEnded':
      return `Treatment ended on ${known.data.endedOn}`;
    case 'PlacementStarted':
      return `Started as ${known.data.jobTitle} on ${known.data.startDate}, ${known.data.hoursPerWeek} h/week`;
    case 'FollowAlongContactMade':
      return `Follow-along contact with the ${known.data.with} on ${known.data.contactedOn}`;
    case 'PlacementTermsChanged':
      return `Job terms changed from ${known.data.effectiveFrom}: ${known.data.hoursPerWeek} h/week`;
    case 'PlacementEnded':
      return `Job ended on ${known.data.endDate} (${known.data.reason})`;
    case 'ContactRequestReceived':
      return `Employer contact line: ${known.data.urgency} request for ${onCall(known.data.tier, known.data.assigneeId)}; to acknowledge by ${clock(known.data.acknowledgeBy)}`;
    case 'ContactRequestEscalated':
      // Kept with its holder when nobody was on duty above: the tier is then below the escalation's level.
      return TIER_ORDER.indexOf(known.data.tier) < known.data.level
        ? `Employer contact line: not acknowledged in time; nobody on duty above, so still with ${onCall(known.data.tier, known.data.assigneeId)}, the team told again`
        : `Employer contact line: not acknowledged in time, escalated to ${onCall(known.data.tier, known.data.assigneeId)}`;
    case 'ContactRequestAcknowledged':
      return `Employer contact line: request taken by ${known.recordedBy.sub}`;
    case 'ContactRequestResolved':
      return `Employer contact line: request resolved by ${known.recordedBy.sub}`;
    case 'MunicipalContactAssigned':
      return `Municipal contact person: ${known.data.contactPersonId}`;
    case 'MunicipalServiceGranted':
      return `Municipal service granted: ${known.data.kind}`;
    case 'MunicipalServiceEnded':
      return `Municipal service ended on ${known.data.endedOn}`;
    default:
      return `${event.type} (${event.source})`;
  }
}
