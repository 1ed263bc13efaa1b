import { createContext, useCallback, useContext, useMemo } from 'react';
import { api } from './api';
import { useLoad } from './load';
import { Session } from './session';

/** One period of a person on a team, as GET /programme/teams lists it. */
export interface TeamMember {
  readonly sub: string;
  readonly displayName: string;
  readonly agency: string;
  readonly role: string;
  readonly from: string;
  readonly until: string | null;
}

export interface Team {
  readonly teamId: string;
  readonly name: string;
  readonly municipality: string;
  readonly timeZone: string;
  /** The team's day today: who is current is read on it. */
  readonly today: string;
  /** Whether `members` holds ended periods too (the administrator, and a team's supervisors). */
  readonly history: boolean;
  readonly members: readonly TeamMember[];
}

/** The agencies whose staff are on teams, and the roles each holds there (as the programme's rules say). */
export const TEAM_ROLES: Readonly<Record<string, readonly string[]>> = {
  'welfare-office': ['caseworker', 'employment-specialist', 'supervisor'],
  'mental-health': ['clinician', 'supervisor'],
  municipality: ['municipal-worker', 'supervisor'],
};

/** Who reads GET /programme/teams: team staff (their teams) and the programme's own staff (every team). */
const READS_TEAMS = ['welfare-office', 'mental-health', 'municipality', 'programme'];

export const isCurrent = (member: TeamMember, today: string): boolean => member.from <= today && (member.until === null || today < member.until);

export const currentMembers = (team: Team): TeamMember[] => team.members.filter((member) => isCurrent(member, team.today));

export interface Teams {
  /** The reader's teams (every team for the programme's staff); empty while none is defined or none is theirs. */
  readonly teams: readonly Team[];
  /** Whether the list has been read (or could not be): forms that pick staff wait for it. */
  readonly ready: boolean;
  /** A member's display name from the reader's teams, else the login id as it is. */
  readonly nameOf: (sub: string) => string;
  /**
   * The current members a form may name: of the participant's team when the reader knows it, else of all the reader's
   * teams (one entry per person); empty while no team is defined, and the form falls back to free text.
   */
  readonly membersFor: (teamId: string | null | undefined, filter?: (member: TeamMember) => boolean) => TeamMember[];
  /** Whether the reader may add and end members of this team: the administrator, or a current supervisor of it. */
  readonly manages: (team: Team) => boolean;
  readonly reload: () => Promise<void>;
}

const NONE: Teams = { teams: [], ready: true, nameOf: (sub) => sub, membersFor: () => [], manages: () => false, reload: async () => undefined };

export const TeamsContext = createContext<Teams>(NONE);
export const useTeams = (): Teams => useContext(TeamsContext);

/** Reads the reader's teams once per session (and again after a change to them), for every screen below it. */
export function TeamsProvider({ session, children }: { session: Session; children: React.ReactNode }) {
  const { sub, agency, role } = session.user;
  const reads = READS_TEAMS.includes(agency);
  // Ended periods too where the reader may see them, so a former member keeps their name on old entries.
  const loaded = useLoad(async () => (reads ? (await api<{ teams: Team[] }>('/programme/teams?history=true')).teams : []), [reads, session.token]);
  const teams = useMemo(() => loaded.data ?? [], [loaded.data]);
  const names = useMemo(() => {
    const byLogin = new Map<string, string>();
    // Current periods last, so a person's name as it is now wins.
    for (const team of teams)
      for (const member of [...team.members].sort((a, b) => Number(isCurrent(a, team.today)) - Number(isCurrent(b, team.today))))
        byLogin.set(member.sub, member.displayName);
    return byLogin;
  }, [teams]);
  const nameOf = useCallback((login: string) => names.get(login) ?? login, [names]);
  const membersFor = useCallback(
    (teamId: string | null | undefined, filter: (member: TeamMember) => boolean = () => true) => {
      const own = teams.find((team) => team.teamId === teamId);
      const people = new Map<string, TeamMember>();
      for (const team of own ? [own] : teams)
        for (const member of currentMembers(team)) if (filter(member) && !people.has(member.sub)) people.set(member.sub, member);
      return [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
    },
    [teams],
  );
  const manages = useCallback(
    (team: Team) =>
      (agency === 'programme' && role === 'administrator') ||
      currentMembers(team).some((member) => member.sub === sub && member.agency === agency && member.role === 'supervisor'),
    [sub, agency, role],
  );
  const value = useMemo<Teams>(
    () => ({ teams, ready: loaded.data !== null || loaded.error !== null, nameOf, membersFor, manages, reload: loaded.reload }),
    [teams, loaded.data, loaded.error, nameOf, membersFor, manages, loaded.reload],
  );
  return <TeamsContext.Provider value={value}>{children}</TeamsContext.Provider>;
}

/** A new team's id, made here (the programme takes the id the administrator's client chooses): a random UUID v4. */
export function newTeamId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
