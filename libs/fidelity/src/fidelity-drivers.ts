import { Fidelity } from './fidelity';

/**
 * Figures are aggregates, like outcomes; drivers name participants and events. A driver is shown only when
 * the reader may see every event it cites (consent, as on the timeline); otherwise it is counted, not named.
 */
export function withholdUnseen(fidelity: Fidelity, canSee: (eventId: string) => boolean): Fidelity {
  return {
    ...fidelity,
    items: fidelity.items.map((item) => {
      const shown = item.drivers.filter((driver) => driver.eventIds.every(canSee));
      return { ...item, drivers: shown, withheldDrivers: item.drivers.length - shown.length };
    }),
  };
}

/** The participants a reader is shown, for the access log. */
export const namedParticipants = (fidelity: Fidelity): string[] => [
  ...new Set(fidelity.items.flatMap((item) => item.drivers.map((driver) => driver.participantId))),
];
