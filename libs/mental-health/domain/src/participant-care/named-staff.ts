/**
 * Staff named on the record (decision 27, issue 21): once the programme has defined a team, the clinician a treatment
 * team names is picked from the participant's IPS team (its treatment-team part: a DPS team's clinicians are members).
 * The feature layer asks the service's team directory (I/O) and hands the decider the facts; the decider compares.
 */
export interface NamedOnTeam {
  /** The participant's team today, as this service's team directory has it; null when it has not heard of them. */
  readonly participantTeamId: string | null;
  /** The named person's memberships current today: the team, and the agency and role held on it. */
  readonly memberships: readonly { readonly teamId: string; readonly agency: string; readonly role: string }[];
}

/** Whether the named person is on the participant's team today with this agency and role. */
export const isOnParticipantTeam = (named: NamedOnTeam, agency: string, role: string): boolean =>
  named.participantTeamId !== null &&
  named.memberships.some((membership) => membership.teamId === named.participantTeamId && membership.agency === agency && membership.role === role);
