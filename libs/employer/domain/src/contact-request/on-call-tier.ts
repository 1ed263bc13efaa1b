import { CONTACT_REQUEST_URGENCIES, ON_CALL_TIERS } from '@ips/contracts';

export type Urgency = (typeof CONTACT_REQUEST_URGENCIES)[number];
export type OnCallTier = (typeof ON_CALL_TIERS)[number];

/** Who is on duty in each tier for the participant's team at one instant (a worker id, or null: nobody). */
export type OnDuty = Readonly<Record<OnCallTier, string | null>>;

/** Minutes to acknowledge a request before it escalates, per urgency: configuration, not a rule of the domain. */
export type AcknowledgementWindows = Readonly<Record<Urgency, number>>;

export interface Assignment {
  readonly tier: OnCallTier;
  readonly assigneeId: string | null;
}

export const tierAbove = (tier: OnCallTier): OnCallTier | null => ON_CALL_TIERS[ON_CALL_TIERS.indexOf(tier) + 1] ?? null;

/**
 * The first tier from `lowest` upwards with someone on duty: a tier with nobody on duty is skipped at once. With
 * nobody on duty in any of them, `otherwise`: whoever should hold the request then (the holder it has, the
 * participant's own specialist), never "nobody" while there is somebody to name.
 */
export function route(onDuty: OnDuty, lowest: OnCallTier, otherwise: Assignment): Assignment {
  for (let tier: OnCallTier | null = lowest; tier; tier = tierAbove(tier)) {
    const assigneeId = onDuty[tier];
    if (assigneeId) return { tier, assigneeId };
  }
  return otherwise;
}

/** The deadline `minutes` after `now` (both ISO-8601 UTC). */
export const deadline = (now: string, minutes: number): string => new Date(Date.parse(now) + minutes * 60_000).toISOString();
