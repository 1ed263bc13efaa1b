import { ACCESS_POLICY } from './access-policy';
import { renderAccessPolicyDoc } from './access-policy-doc';
import {
  ACCESS_LOG_READER,
  ACTS_FOR_EMPLOYER,
  Caller,
  GRANT_HOLDER,
  LINE_REACH,
  OWN_CASELOAD,
  OWN_RECORD,
  REGISTERS_ITSELF,
  RelationRule,
  TEAM_LIST,
  TEAM_SUPERVISOR,
  describeRelation,
  isEmployerToken,
  lineReaderOf,
  mayReach,
} from './relations';

const EMPLOYER_A = '0190a6f0-0000-7000-8000-0000000000a1';
const EMPLOYER_B = '0190a6f0-0000-7000-8000-0000000000b2';
const PARTICIPANT = '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11';
const OTHER_PARTICIPANT = '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c22';

const employer: Caller = { sub: 'emp-a', agency: 'employer', role: 'employer', employerId: EMPLOYER_A };
const employerService: Caller = { sub: 'employer-service', agency: 'employer', role: 'service' };
const specialist: Caller = { sub: 'es-kari', agency: 'welfare-office', role: 'employment-specialist' };
const caseworker: Caller = { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' };
const supervisor: Caller = { sub: 'sup-ina', agency: 'welfare-office', role: 'supervisor' };
const municipalWorker: Caller = { sub: 'mw-per', agency: 'municipality', role: 'municipal-worker' };
const clinician: Caller = { sub: 'dr-lie', agency: 'mental-health', role: 'clinician' };
const participant: Caller = { sub: 'p-1', agency: 'participant', role: 'participant', participantId: PARTICIPANT };
const administrator: Caller = { sub: 'adm', agency: 'programme', role: 'administrator' };
const coordinator: Caller = { sub: 'coord', agency: 'programme', role: 'coordinator' };

describe('the relation rules', () => {
  describe('an employer token', () => {
    it('is the employer agency or the employer role', () => {
      expect(isEmployerToken(employer)).toBe(true);
      expect(isEmployerToken(employerService)).toBe(true);
      expect(isEmployerToken({ agency: 'welfare-office', role: 'employer' })).toBe(true);
      for (const staff of [specialist, caseworker, supervisor, municipalWorker, clinician, participant, administrator]) {
        expect(isEmployerToken(staff)).toBe(false);
      }
    });
  });

  describe('ACTS_FOR_EMPLOYER', () => {
    it("lets an employer's token act only for the employer it names", () => {
      expect(ACTS_FOR_EMPLOYER.may(employer, EMPLOYER_A)).toBe(true);
      expect(ACTS_FOR_EMPLOYER.may(employer, EMPLOYER_B)).toBe(false);
      expect(ACTS_FOR_EMPLOYER.may(employerService, EMPLOYER_A)).toBe(false);
      expect(ACTS_FOR_EMPLOYER.may({ agency: 'employer', role: 'employer' }, '')).toBe(false);
    });

    it('lets staff act for any employer, without asking whose placement it is', () => {
      for (const staff of [specialist, supervisor, caseworker]) {
        expect(ACTS_FOR_EMPLOYER.may(staff, EMPLOYER_A)).toBe(true);
        expect(ACTS_FOR_EMPLOYER.may(staff, EMPLOYER_B)).toBe(true);
        expect(ACTS_FOR_EMPLOYER.appliesTo(staff)).toBe(false);
      }
      expect(ACTS_FOR_EMPLOYER.appliesTo(employer)).toBe(true);
    });
  });

  describe('REGISTERS_ITSELF', () => {
    it('registers an employer under the id its token names; staff under a new one', () => {
      expect(REGISTERS_ITSELF.employerIdOf(employer)).toBe(EMPLOYER_A);
      expect(REGISTERS_ITSELF.employerIdOf(specialist)).toBeUndefined();
      expect(REGISTERS_ITSELF.employerIdOf(supervisor)).toBeUndefined();
    });
  });

  describe('LINE_REACH (the 24/7 line)', () => {
    const request = (employerId: string, tier: string) => ({ employerId, tier });

    it('reads an employer, the crisis service (the municipality) and team staff', () => {
      expect(lineReaderOf(employer)).toEqual({ kind: 'employer', employerId: EMPLOYER_A });
      expect(lineReaderOf({ agency: 'welfare-office', role: 'employer', employerId: EMPLOYER_B })).toEqual({ kind: 'employer', employerId: EMPLOYER_B });
      expect(lineReaderOf(municipalWorker)).toEqual({ kind: 'crisis-service' });
      expect(lineReaderOf({ agency: 'municipality', role: 'supervisor' })).toEqual({ kind: 'crisis-service' });
      expect(lineReaderOf(specialist)).toEqual({ kind: 'team' });
      expect(lineReaderOf(supervisor)).toEqual({ kind: 'team' });
    });

    it('lets an employer reach its own requests only; an actor naming no employer reaches none', () => {
      expect(mayReach(lineReaderOf(employer), request(EMPLOYER_A, 'employment-specialist'))).toBe(true);
      expect(mayReach(lineReaderOf(employer), request(EMPLOYER_A, 'crisis-service'))).toBe(true);
      expect(mayReach(lineReaderOf(employer), request(EMPLOYER_B, 'employment-specialist'))).toBe(false);
      expect(mayReach(lineReaderOf(employerService), request(EMPLOYER_A, 'employment-specialist'))).toBe(false);
    });

    it('lets the crisis service reach the requests at its tier only, and team staff every request', () => {
      expect(mayReach(lineReaderOf(municipalWorker), request(EMPLOYER_A, 'crisis-service'))).toBe(true);
      expect(mayReach(lineReaderOf(municipalWorker), request(EMPLOYER_A, 'employment-specialist'))).toBe(false);
      expect(mayReach(lineReaderOf(municipalWorker), request(EMPLOYER_A, 'supervisor'))).toBe(false);
      for (const tier of ['employment-specialist', 'supervisor', 'crisis-service']) {
        expect(mayReach(lineReaderOf(specialist), request(EMPLOYER_B, tier))).toBe(true);
      }
    });

    it('is what LINE_REACH names', () => {
      expect(lineReaderOf).toBe(LINE_REACH.readerOf);
      expect(mayReach).toBe(LINE_REACH.mayReach);
      expect(LINE_REACH.description).toBe(`${LINE_REACH.employer.description}; ${LINE_REACH.crisisService.description}`);
    });
  });

  describe('OWN_RECORD', () => {
    it("keeps a participant's token to the participant it names, and leaves everyone else to the other rules", () => {
      expect(OWN_RECORD.may(participant, PARTICIPANT)).toBe(true);
      expect(OWN_RECORD.may(participant, OTHER_PARTICIPANT)).toBe(false);
      expect(OWN_RECORD.may({ agency: 'participant', role: 'participant' }, PARTICIPANT)).toBe(false);
      for (const other of [specialist, clinician, employer, supervisor]) expect(OWN_RECORD.may(other, PARTICIPANT)).toBe(true);
      expect(OWN_RECORD.isSelf(participant, PARTICIPANT)).toBe(true);
      expect(OWN_RECORD.isSelf(specialist, PARTICIPANT)).toBe(false);
    });
  });

  describe('ACCESS_LOG_READER', () => {
    it('lets the participant read their own log and supervisors any', () => {
      expect(ACCESS_LOG_READER.may(participant, PARTICIPANT)).toBe(true);
      expect(ACCESS_LOG_READER.may(participant, OTHER_PARTICIPANT)).toBe(false);
      expect(ACCESS_LOG_READER.may(supervisor, OTHER_PARTICIPANT)).toBe(true);
      expect(ACCESS_LOG_READER.may({ agency: 'mental-health', role: 'supervisor' }, PARTICIPANT)).toBe(true);
      for (const other of [specialist, caseworker, clinician, municipalWorker, employer]) expect(ACCESS_LOG_READER.may(other, PARTICIPANT)).toBe(false);
    });

    it("shows a review's note to supervisors, never to the participant", () => {
      expect(ACCESS_LOG_READER.seesReviewNotes(supervisor)).toBe(true);
      expect(ACCESS_LOG_READER.seesReviewNotes(participant)).toBe(false);
    });
  });

  describe('OWN_CASELOAD', () => {
    it("narrows an employment specialist's board to their own caseload, whatever they ask for", () => {
      expect(OWN_CASELOAD.specialistOf({ ...specialist, sub: 'es-kari' }, 'es-other')).toBe('es-kari');
      expect(OWN_CASELOAD.specialistOf({ ...specialist, sub: 'es-kari' }, undefined)).toBe('es-kari');
    });

    it('shows supervisors and caseworkers every caseload, or the one they ask for', () => {
      expect(OWN_CASELOAD.specialistOf({ ...supervisor, sub: 'sup-ina' }, undefined)).toBeUndefined();
      expect(OWN_CASELOAD.specialistOf({ ...caseworker, sub: 'cw-ola' }, 'es-kari')).toBe('es-kari');
    });
  });

  describe('TEAM_LIST', () => {
    const members = [
      { sub: 'sup-ina', agency: 'welfare-office', role: 'supervisor' },
      { sub: 'es-kari', agency: 'welfare-office', role: 'employment-specialist' },
      { sub: 'dr-lie', agency: 'mental-health', role: 'supervisor' },
    ];

    it("shows the programme's staff every team, anyone else their own", () => {
      expect(TEAM_LIST.seesEveryTeam(administrator)).toBe(true);
      expect(TEAM_LIST.seesEveryTeam(coordinator)).toBe(true);
      expect(TEAM_LIST.seesEveryTeam(supervisor)).toBe(false);
      expect(TEAM_LIST.seesEveryTeam(specialist)).toBe(false);
    });

    it("shows a team's history to the administrator and the team's supervisors only", () => {
      expect(TEAM_LIST.seesHistory(administrator, [])).toBe(true);
      expect(TEAM_LIST.seesHistory(coordinator, members)).toBe(false);
      expect(TEAM_LIST.seesHistory(supervisor, members)).toBe(true);
      expect(TEAM_LIST.seesHistory(supervisor, [])).toBe(false);
      expect(TEAM_LIST.seesHistory(specialist, members)).toBe(false);
      // The same subject at another agency is another person: dr-lie supervises as mental health, not as the welfare office.
      expect(TEAM_LIST.seesHistory({ sub: 'dr-lie', agency: 'welfare-office', role: 'supervisor' }, members)).toBe(false);
      expect(TEAM_LIST.seesHistory({ sub: 'dr-lie', agency: 'mental-health', role: 'supervisor' }, members)).toBe(true);
    });
  });

  describe('TEAM_SUPERVISOR', () => {
    it("is a supervisor's token with a supervisor's period on the team", () => {
      expect(TEAM_SUPERVISOR.mayBe(supervisor)).toBe(true);
      expect(TEAM_SUPERVISOR.mayBe({ agency: 'municipality', role: 'supervisor' })).toBe(true);
      for (const other of [specialist, caseworker, clinician, administrator, participant]) expect(TEAM_SUPERVISOR.mayBe(other)).toBe(false);
      expect(TEAM_SUPERVISOR.isSupervisorPeriod({ role: 'supervisor' })).toBe(true);
      expect(TEAM_SUPERVISOR.isSupervisorPeriod({ role: 'caseworker' })).toBe(false);
    });
  });

  describe('GRANT_HOLDER', () => {
    it('is the same person: subject and agency', () => {
      expect(GRANT_HOLDER.is({ sub: 'dr-holm', agency: 'mental-health' }, { sub: 'dr-holm', agency: 'mental-health' })).toBe(true);
      expect(GRANT_HOLDER.is({ sub: 'dr-holm', agency: 'welfare-office' }, { sub: 'dr-holm', agency: 'mental-health' })).toBe(false);
      expect(GRANT_HOLDER.is({ sub: 'dr-lie', agency: 'mental-health' }, { sub: 'dr-holm', agency: 'mental-health' })).toBe(false);
    });
  });
});

describe('the route table names the rules', () => {
  const rulesOf = (route: string): readonly RelationRule[] => {
    const relation = ACCESS_POLICY.find((row) => row.route === route)?.relation;
    const parts = relation === undefined ? [] : Array.isArray(relation) ? relation : [relation];
    return parts.filter((part): part is RelationRule => typeof part !== 'string');
  };

  it.each(
    (
      [
        ['POST /employer/employers', REGISTERS_ITSELF],
        ['POST /employer/placements', ACTS_FOR_EMPLOYER],
        ['POST /employer/participants/:id/placements/:placementId/follow-along-contacts', ACTS_FOR_EMPLOYER],
        ['POST /employer/participants/:id/placements/:placementId/terms', ACTS_FOR_EMPLOYER],
        ['POST /employer/participants/:id/placements/:placementId/end', ACTS_FOR_EMPLOYER],
        ['POST /employer/contact-requests', ACTS_FOR_EMPLOYER],
        ['GET /employer/contact-requests', LINE_REACH.employer],
        ['GET /employer/contact-requests', LINE_REACH.crisisService],
        ['GET /employer/contact-requests/:requestId', LINE_REACH],
        ['POST /employer/contact-requests/:requestId/acknowledge', LINE_REACH.crisisService],
        ['POST /employer/contact-requests/:requestId/resolve', LINE_REACH.crisisService],
        ['POST /welfare-office/participants/:id/action-plan-proposals', OWN_RECORD],
        ['GET /team-view/participants/:id', OWN_RECORD],
        ['GET /team-view/participants/:id/timeline', OWN_RECORD],
        ['GET /team-view/participants/:id/access-log', ACCESS_LOG_READER],
        ['GET /team-view/board', OWN_CASELOAD],
        ['GET /programme/teams', TEAM_LIST],
        ['POST /team-view/emergency-access/:grantId/end', GRANT_HOLDER],
      ] as const
    ).map(([route, rule]) => [route, rule.description, rule] as const),
  )('%s applies "%s"', (route, _description, rule) => {
    expect(rulesOf(route)).toContain(rule);
  });

  it("documents a row with its rules' descriptions", () => {
    expect(describeRelation(undefined)).toBe('');
    expect(describeRelation('free text')).toBe('free text');
    expect(describeRelation(OWN_RECORD)).toBe('participant: only self');
    expect(describeRelation([ACTS_FOR_EMPLOYER, 'staff: work need'])).toBe(`${ACTS_FOR_EMPLOYER.description}; staff: work need`);
    expect(renderAccessPolicyDoc()).toMatch(/^\| `GET \/programme\/teams` \|.*\| programme: every team; staff: their current teams/m);
  });
});
