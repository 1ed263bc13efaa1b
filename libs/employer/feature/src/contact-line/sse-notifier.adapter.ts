import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { ContactLineNotification, Notifier } from './notifier.port';

/** The live stream of this process's connected staff (GET /employer/contact-requests/stream). */
@Injectable()
export class ContactLineStream {
  private readonly notifications = new Subject<ContactLineNotification>();

  publish(notification: ContactLineNotification): void {
    this.notifications.next(notification);
  }

  follow(): Observable<ContactLineNotification> {
    return this.notifications.asObservable();
  }
}

/** Hands each notification to whoever is connected now; the list route shows what anyone missed. */
export class SseNotifier implements Notifier {
  readonly channel = 'sse';
  readonly inProcess = true;

  constructor(private readonly stream: ContactLineStream) {}

  async notify(notification: ContactLineNotification): Promise<void> {
    this.stream.publish(notification);
  }
}
