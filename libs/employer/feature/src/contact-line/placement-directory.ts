import { recordedOf } from '@ips/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { PlacementStarted, participantEmploymentAggregate } from '@ips/employer/domain';
import { ProblemException } from '@ips/http';
import { ContactLineProjection, eachEvent } from './contact-line.projection';
import { ContactLineDatabase, EMPLOYER_STORE } from './contact-line.tokens';

export interface PlacementEntry {
  readonly placementId: string;
  readonly participantId: string;
  readonly employerId: string;
}

const isPlacementStarted = recordedOf<PlacementStarted>(participantEmploymentAggregate, { PlacementStarted: true });

/** Placements live in their participant's stream; the line is told only the placement, so it keeps this index. */
export const projectPlacementDirectory: ContactLineProjection = eachEvent(async (event, tx) => {
  if (!isPlacementStarted(event)) return;
  const { placementId, participantId, employerId } = event.data;
  await tx.query(
    `insert into ecl_placements (placement_id, participant_id, employer_id) values ($1, $2, $3)
     on conflict (placement_id) do nothing`,
    [placementId, participantId, employerId],
  );
});

/** Placements remembered in memory; beyond this many, the oldest are forgotten (and read again when asked). */
const REMEMBERED = 50_000;

/**
 * Who a placement is about and with. A placement never moves, so a stale index can only miss, never mislead,
 * and a found entry can be kept in memory for good: a busy line reads each placement once.
 */
@Injectable()
export class PlacementDirectory {
  private readonly remembered = new Map<string, PlacementEntry>();

  constructor(@Inject(EMPLOYER_STORE) private readonly store: ContactLineDatabase) {}

  /**
   * `caughtUp`: whether the index had caught up with the store when asked. A miss then means no such
   * placement; a miss before means the index is behind, which is ours to say, not the caller's mistake.
   */
  async find(placementId: string, caughtUp: boolean): Promise<PlacementEntry | null> {
    const known = this.remembered.get(placementId);
    if (known) return known;
    const [row] = await this.store.driver.query<{ participant_id: string; employer_id: string }>(
      'select participant_id, employer_id from ecl_placements where placement_id = $1',
      [placementId],
    );
    if (row) return this.remember({ placementId, participantId: row.participant_id, employerId: row.employer_id });
    if (!caughtUp) throw ProblemException.of(503, 'CONTACT_LINE.CATCHING_UP', 'the contact line is catching up; try again in a moment');
    return null;
  }

  private remember(entry: PlacementEntry): PlacementEntry {
    if (this.remembered.size >= REMEMBERED) this.remembered.delete(this.remembered.keys().next().value as string);
    this.remembered.set(entry.placementId, entry);
    return entry;
  }
}
