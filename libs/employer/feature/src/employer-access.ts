import { Injectable } from '@nestjs/common';
import { ACTS_FOR_EMPLOYER, Principal } from '@ips/access';
import { CommandPipeline } from '@ips/command-pipeline';
import { placementOf } from '@ips/employer/domain';
import { ProblemException } from '@ips/http';
import { ContactLineProjector } from './contact-line/contact-line.projector';
import { PlacementDirectory, PlacementEntry } from './contact-line/placement-directory';
import { participantEmploymentSlice } from './participant-employment.slice';

/** What the placement routes answer an employer's token for another employer's placement. */
export const FORBIDDEN_ON_PLACEMENT = "AUTH.FORBIDDEN: an employer's token for another employer's placement";

/** The policy's ACTS_FOR_EMPLOYER (staff act for any employer; an employer's token only for the one it names), as 403 AUTH.FORBIDDEN. */
export function assertActsFor(principal: Principal, employerId: string): void {
  if (!ACTS_FOR_EMPLOYER.may(principal, employerId)) {
    throw ProblemException.of(403, 'AUTH.FORBIDDEN', 'an employer may act only for itself and its own placements');
  }
}

/**
 * A placement's participant and employer from the line's directory. A placement never changes participant or employer,
 * so a directory hit is final; only a miss waits until everything committed before is in the directory (read-your-writes).
 */
export const placementEntryOf = async (placements: PlacementDirectory, projector: ContactLineProjector, placementId: string): Promise<PlacementEntry | null> =>
  (await placements.find(placementId, true)) ?? (await placements.find(placementId, await projector.waitForHead()));

/**
 * The edge's check that an employer's token acts on its own placements only (403 AUTH.FORBIDDEN, a status no domain
 * refusal has). Staff pass without a lookup. A placement never changes employer, so checking before the command is
 * decided cannot go stale; an unknown placement is left to the use case (404 PLACEMENT.NOT_FOUND, as for staff).
 */
@Injectable()
export class EmployerAccess {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly placements: PlacementDirectory,
    private readonly projector: ContactLineProjector,
  ) {}

  /** On a placement named with its participant (`/employer/participants/:id/placements/:placementId/…`). */
  async assertActsForPlacement(principal: Principal, participantId: string, placementId: string): Promise<void> {
    if (!ACTS_FOR_EMPLOYER.appliesTo(principal)) return;
    const placement = placementOf(await this.pipeline.load(participantEmploymentSlice, participantId), placementId);
    if (placement) assertActsFor(principal, placement.employerId);
  }

  /** On a placement named alone (a contact request), found in the line's placement directory. */
  async assertActsForPlacementOf(principal: Principal, placementId: string): Promise<void> {
    if (!ACTS_FOR_EMPLOYER.appliesTo(principal)) return;
    const entry = await placementEntryOf(this.placements, this.projector, placementId);
    if (entry) assertActsFor(principal, entry.employerId);
  }
}
