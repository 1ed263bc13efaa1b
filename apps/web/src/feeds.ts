import { useEffect, useRef } from 'react';
import { follow } from './sse';

type Listener = (event: string, data: unknown) => void;

/**
 * One server-sent events stream per tab, however many parts of the page listen: it opens with the first listener
 * and closes with the last. `onOpen` listeners hear every (re)connection, so a list reads again what it may have missed.
 */
class Feed {
  private readonly listeners = new Set<Listener>();
  private readonly reconnects = new Set<() => void>();
  private stop: (() => void) | null = null;

  constructor(private readonly path: string) {}

  listen(listener: Listener, onOpen?: () => void): () => void {
    this.listeners.add(listener);
    if (onOpen) this.reconnects.add(onOpen);
    if (!this.stop) {
      this.stop = follow(this.path, {
        onMessage: (event, data) => this.listeners.forEach((each) => each(event, data)),
        onOpen: () => this.reconnects.forEach((each) => each()),
        onClosed: () => undefined,
      });
    }
    return () => {
      this.listeners.delete(listener);
      if (onOpen) this.reconnects.delete(onOpen);
      if (this.listeners.size === 0) {
        this.stop?.();
        this.stop = null;
      }
    };
  }
}

/** The 24/7 line's stream for staff: every request of the reader's teams received, escalated, taken or resolved. */
export const lineFeed = new Feed('/employer/contact-requests/stream');
/** Which of the reader's participants just changed (ids only). */
export const changesFeed = new Feed('/team-view/changes');

/**
 * Calls `reload` when the feed says something changed (at most once a second), and when it reconnects. `concerns`
 * narrows the messages that count (by default every one).
 */
export function useReloadOn(feed: Feed, reload: () => unknown, concerns: (event: string, data: unknown) => boolean = () => true, enabled = true): void {
  const latest = useRef({ reload, concerns });
  latest.current = { reload, concerns };
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const soon = () => {
      if (timer) return;
      const wait = Math.max(0, last + 1000 - Date.now());
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        void latest.current.reload();
      }, wait);
    };
    let opened = false;
    const stop = feed.listen(
      (event, data) => latest.current.concerns(event, data) && soon(),
      // The first open is the page's own first read; a reconnection reads again what may have been missed.
      () => (opened ? soon() : (opened = true)),
    );
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [feed, enabled]);
}

/** Whether a changes message names this participant. */
export const names =
  (participantId: string) =>
  (_event: string, data: unknown): boolean =>
    Array.isArray((data as { participantIds?: unknown })?.participantIds) && (data as { participantIds: string[] }).participantIds.includes(participantId);
