import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Principal, WORK_NEED, WorkNeed, lineReaderOf, mayReach } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { CommandPipeline } from '@ips/command-pipeline';
import { OnCallTier } from '@ips/employer/domain';
import { PERSONAL_DATA, PersonalData } from '@ips/personal-data';
import { requestNotFound } from './contact-line-access';
import { ContactLineDatabase, EMPLOYER_STORE } from './contact-line.tokens';
import {
  ContactRequestRecord,
  EmployerContactRequestView,
  StaffContactRequestView,
  employerViewOf,
  openViews,
  peopleIn,
  recordOf,
  staffViewOf,
} from './contact-request.view';
import { employerNamesOf } from './employer-directory';
import { PROGRAMME_TEAMS, ProgrammeTeams } from './programme-teams.port';
import { reachableRequest } from './reachable-request';
import type { StaffListScope } from '../list-contact-requests/list-contact-requests.query';

/** What decides whether a reader reaches a request: a record, or a notification about one. */
export interface RequestScope {
  readonly participantId: string;
  readonly employerId: string;
  readonly tier: OnCallTier;
  readonly assigneeId: string | null;
  readonly specialistId?: string | null;
}

/**
 * Which requests a reader is shown, and each as that reader sees it. An employer is shown its own requests, the crisis
 * service those that reached its tier, and staff those of participants they have work need for and any request they
 * hold or are the participant's specialist for: the list by the directory's sets (decision 29: the reader's teams'
 * participants and those naming them, in the query), the live stream by work need for each event (decision 28: member
 * of the participant's current team or named on the record). While no team is defined every staff member is on the one
 * team. One request by its id stays open to the line's staff, as whoever is on call may have to take it.
 */
@Injectable()
export class ContactRequestReader {
  private readonly logger = new Logger('contact-line');

  constructor(
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
    @Inject(EMPLOYER_STORE) private readonly store: ContactLineDatabase,
    @Inject(PROGRAMME_TEAMS) private readonly teams: ProgrammeTeams,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly pipeline: CommandPipeline,
    @Optional() @Inject(WORK_NEED) private readonly workNeed?: WorkNeed,
  ) {}

  /**
   * Whether the live stream tells the principal of a request (decision 28: work need checked again for every event);
   * without a work-need binding staff are told only of what they hold (fail closed).
   */
  async reaches(principal: Principal, request: RequestScope): Promise<boolean> {
    const reader = lineReaderOf(principal);
    if (!mayReach(reader, request)) return false;
    if (reader.kind !== 'team') return true;
    if (principal.sub === request.assigneeId || principal.sub === request.specialistId) return true;
    return this.hasWorkNeed(principal, request.participantId);
  }

  /**
   * Whose requests a staff member's list covers (decision 29, in the query itself, so one team's list never reads
   * another team's requests): the participants of their teams and those naming them, plus what they hold or are the
   * specialist for; null (every request) while no team is defined, when every staff member is on the one team.
   */
  async listScopeOf(principal: Principal): Promise<StaffListScope | null> {
    if (!(await this.teams.anyTeamDefined())) return null;
    const at = this.clock.now();
    const [teamIds, naming] = await Promise.all([this.teams.teamsOfReader(principal, at), this.teams.participantsNaming(principal, at)]);
    const members = teamIds.length > 0 ? await this.teams.participantsOf(teamIds, at) : [];
    return { participantIds: [...new Set([...members, ...naming])], sub: principal.sub };
  }

  /** One request by its id, folded from its own stream (read-your-writes), if the principal may reach it (404 otherwise, as for none). */
  async one(requestId: string, principal: Principal): Promise<ContactRequestRecord> {
    const view = await reachableRequest(this.pipeline, requestId, lineReaderOf(principal));
    if (!view) throw requestNotFound();
    return view;
  }

  /** The records as the principal sees them: the employer its own view, staff the whole request with names and `overdue`. */
  async present(principal: Principal, stored: readonly ContactRequestRecord[]): Promise<(EmployerContactRequestView | StaffContactRequestView)[]> {
    const staff = await this.staffViews(stored);
    return lineReaderOf(principal).kind === 'employer' ? staff.map(employerViewOf) : staff;
  }

  async staffViews(stored: readonly ContactRequestRecord[]): Promise<StaffContactRequestView[]> {
    const records = await openViews(this.personalData, stored.map(recordOf));
    const [employerNames, displayNames] = await Promise.all([
      employerNamesOf(
        this.store.driver,
        records.map((record) => record.employerId),
      ),
      this.displayNamesOf(records),
    ]);
    const now = this.clock.now();
    return records.map((record) => staffViewOf(record, { now, employerNames, displayNames }));
  }

  private async hasWorkNeed(principal: Principal, participantId: string): Promise<boolean> {
    const relation = await this.workNeed?.relationTo(principal, participantId, this.clock.now());
    return relation === 'member' || relation === 'named';
  }

  private async displayNamesOf(records: readonly ContactRequestRecord[]): Promise<ReadonlyMap<string, string>> {
    const people = peopleIn(records);
    if (people.length === 0) return new Map();
    try {
      return await this.teams.displayNames(people);
    } catch (error) {
      // The directory is this service's own database; should it fail, the employer is still told the role.
      this.logger.warn(`team directory not readable, naming staff by role: ${String(error)}`);
      return new Map();
    }
  }
}
