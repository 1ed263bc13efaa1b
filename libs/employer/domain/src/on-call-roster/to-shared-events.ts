import { ContactLineSharedEvent } from '@ips/contracts';
import { OnCallRosterEvent } from './on-call-roster.events';

/** Shared events are about a participant; who is on call is the team's own business. */
export const onCallRosterToShared = (_event: OnCallRosterEvent): ContactLineSharedEvent[] => [];
