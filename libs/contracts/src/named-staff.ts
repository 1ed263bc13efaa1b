/**
 * Staff named on a participant's record (decision 32): once the programme has defined a team, a form that names a
 * person (a treatment team's clinician, a municipal contact person) picks them from the participant's IPS team. The
 * feature layer asks the service's team directory (I/O) and hands the decider these facts; the decider compares. Part
 * of the teams' published language, so every agency's decider reads the same facts the same way.
 */
export interface NamedOnTeam {
  /** The participant's team today, as the service's team directory has it; null when it has not heard of them. */
  readonly participantTeamId: string | null;
  /** The named person's memberships current today: the team, and the agency and role held on it. */
  readonly memberships: readonly { readonly teamId: string; readonly agency: string; readonly role: string }[];
}

/** Whether the named person is on the participant's team today with this agency and role. */
export const isOnParticipantTeam = (named: NamedOnTeam, agency: string, role: string): boolean =>
  named.participantTeamId !== null &&
  named.memberships.some((membership) => membership.teamId === named.participantTeamId && membership.agency === agency && membership.role === role);
