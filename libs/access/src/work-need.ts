import { Principal } from './principal';

/**
 * Work need (decision 28): the reader's strongest relation to a participant at an instant. `member`: on the
 * participant's current team; `named`: named on the record; `emergency`: an emergency access in force (the team view's
 * grants, decision 30; it counts only on the policy rows marked `emergencyAccess`); null: none, and the guard answers 404 as for an unknown participant.
 */
export type WorkNeedRelation = 'member' | 'named' | 'emergency';

export interface WorkNeed {
  relationTo(reader: Principal, participantId: string, at: Date): Promise<WorkNeedRelation | null>;
}

/**
 * The port the auth guard asks on the policy table's work-need rows. Every service binds it (libs/runtime: its own
 * team directory). Without a binding the guard fails closed: a staff caller on a work-need route gets the 404.
 */
export const WORK_NEED = Symbol('WORK_NEED');

/**
 * Where the guard reports a work-need refusal, so a refused read is audited like a read the route refused (the team
 * view binds its access log; an agency service may bind nothing). A failure to record does not change the answer.
 */
export interface AccessRefusals {
  recordRefused(principal: Principal, participantId: string, route: string): Promise<void>;
}

export const ACCESS_REFUSALS = Symbol('ACCESS_REFUSALS');

/** A deployment that is one team (every staff member works with every participant): for tests of one agency's routes. */
export const oneTeamWorkNeed: WorkNeed = { relationTo: async () => 'member' };
