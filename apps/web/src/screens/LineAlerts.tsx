import { useEffect, useState } from 'react';
import { lineFeed } from '../feeds';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { Session } from '../session';

/** A notification on the line's stream (no message or phone: those are one audited GET away). */
interface LineNotification {
  readonly deliveryId: string;
  readonly event: string;
  readonly requestId: string;
  readonly urgency: string;
  readonly assigneeId: string | null;
  readonly specialistId?: string | null;
  readonly employerName?: string | null;
}

type Reason = 'urgent' | 'forYou' | 'yourParticipant' | 'escalated';

/** Why this reader is told of a notification, or null: urgent requests to everyone, others to whom they concern. */
export function reasonToTell(notification: LineNotification, me: string): Reason | null {
  if (notification.event === 'contact-request.escalated') return notification.assigneeId === me ? 'escalated' : null;
  if (notification.event !== 'contact-request.received') return null;
  if (notification.assigneeId === me) return 'forYou';
  if (notification.specialistId === me) return 'yourParticipant';
  return notification.urgency === 'urgent' ? 'urgent' : null;
}

let audio: AudioContext | null = null;
/** Two short tones (no sound file to fetch); silent where the browser has not allowed sound yet. */
function chime(): void {
  try {
    audio ??= new AudioContext();
    for (const [index, frequency] of [880, 660].entries()) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      const start = audio.currentTime + index * 0.25;
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.22);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.22);
    }
  } catch {
    // No sound: the in-app alert and the browser notification still show.
  }
}

const notificationsSupported = (): boolean => typeof Notification !== 'undefined';

/**
 * While the app is open, a staff member who reads the line is told of new requests that concern them, on any screen:
 * an alert in the page, a sound, and a browser notification when they allowed it. This reaches people without a
 * webhook; nights need the webhook (README).
 */
export function LineAlerts({ session }: { session: Session }) {
  const { m, t } = useI18n();
  const [alerts, setAlerts] = useState<{ id: string; text: string }[]>([]);
  const me = session.user.sub;
  useEffect(
    () =>
      lineFeed.listen((_event, data) => {
        const notification = data as LineNotification;
        const reason = reasonToTell(notification, me);
        if (!reason) return;
        const employer = notification.employerName ?? m.line.anEmployer;
        const text = t(
          { urgent: m.line.alertUrgent, forYou: m.line.alertForYou, yourParticipant: m.line.alertYourParticipant, escalated: m.line.alertEscalated }[reason],
          { employer },
        );
        setAlerts((current) => (current.some((alert) => alert.id === notification.deliveryId) ? current : [...current, { id: notification.deliveryId, text }]));
        if (notification.urgency === 'urgent' || reason !== 'urgent') chime();
        if (notificationsSupported() && Notification.permission === 'granted') {
          const shown = new Notification(text, { tag: notification.requestId, requireInteraction: notification.urgency === 'urgent' });
          shown.onclick = () => {
            window.focus();
            navigate('/line');
          };
        }
      }),
    [me, m, t],
  );
  if (alerts.length === 0) return null;
  return (
    <div className="line-alerts" role="alert" data-testid="line-alerts">
      {alerts.map((alert) => (
        <p key={alert.id} className="banner level-acute">
          {alert.text}{' '}
          <a
            href="/line"
            onClick={(event) => {
              event.preventDefault();
              setAlerts([]);
              navigate('/line');
            }}
          >
            {m.line.alertOpen}
          </a>{' '}
          <button type="button" className="secondary" onClick={() => setAlerts((current) => current.filter((other) => other.id !== alert.id))}>
            {m.line.dismiss}
          </button>
        </p>
      ))}
    </div>
  );
}

/** Asks for the browser's permission to notify (it must follow a click), and says where it stands. */
export function NotificationSwitch() {
  const { m } = useI18n();
  const [permission, setPermission] = useState(() => (notificationsSupported() ? Notification.permission : 'denied'));
  if (!notificationsSupported()) return null;
  if (permission === 'granted') return <p className="hint">{m.line.notifyIsOn}</p>;
  if (permission === 'denied') return <p className="hint">{m.line.notifyBlocked}</p>;
  return (
    <p>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          chime();
          void Notification.requestPermission().then(setPermission);
        }}
      >
        {m.line.notifyOn}
      </button>{' '}
      <span className="hint">{m.line.notifyOnHint}</span>
    </p>
  );
}
