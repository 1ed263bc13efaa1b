import { Observable, Subject } from 'rxjs';
import { SharedEvent } from '@ips/contracts';

/**
 * The shared events the team view has just applied, after their commit: what open pages follow. In the
 * process that runs the team view's consumer (embedded platform, team-view service), fed by its `onApplied`.
 */
export class TimelineFeed {
  private readonly applied = new Subject<SharedEvent>();

  publish(events: readonly SharedEvent[]): void {
    for (const event of events) this.applied.next(event);
  }

  events(): Observable<SharedEvent> {
    return this.applied.asObservable();
  }
}
