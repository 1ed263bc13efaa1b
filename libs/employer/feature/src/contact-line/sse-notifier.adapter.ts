import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { ContactLineNotification, Notifier } from './notifier.port';

/** A notification as the authenticated staff stream carries it: with the employer's name (other channels: ids only). */
export type StreamNotification = ContactLineNotification & { readonly employerName: string | null };

/** The live stream of this process's connected staff (GET /employer/contact-requests/stream). */
@Injectable()
export class ContactLineStream {
  private readonly notifications = new Subject<StreamNotification>();

  publish(notification: StreamNotification): void {
    this.notifications.next(notification);
  }

  follow(): Observable<StreamNotification> {
    return this.notifications.asObservable();
  }
}

/**
 * Hands each notification to whoever is connected now, with the employer's name looked up once for all of them, in
 * the order the notifications came; the list route shows what anyone missed.
 */
export class SseNotifier implements Notifier {
  readonly channel = 'sse';
  readonly inProcess = true;
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly stream: ContactLineStream,
    private readonly employerNameOf: (employerId: string) => Promise<string | null>,
  ) {}

  notify(notification: ContactLineNotification): Promise<void> {
    const named = this.employerNameOf(notification.employerId).catch(() => null);
    this.last = this.last.then(async () => this.stream.publish({ ...notification, employerName: await named }));
    return this.last;
  }
}
