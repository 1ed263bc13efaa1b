import { UseCaseCommand } from '@ips/command-pipeline';
import { ScoreFidelityItem } from '@ips/fidelity';

/** score-fidelity-item: a reviewer scores, with a note, an item of a review that the events cannot score (a later score replaces it). */
export class ScoreFidelityItemCommand extends UseCaseCommand<ScoreFidelityItem> {
  readonly type = 'ScoreFidelityItem';
}
