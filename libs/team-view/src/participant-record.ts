import { Inject, Injectable } from '@nestjs/common';
import { OWN_RECORD, Principal, SharingConsent, canSee, isAgency } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { SharedEvent, contracts } from '@ips/contracts';
import { PERSONAL_DATA, PersonalData } from '@ips/personal-data';
import { SqlDriver } from '@ips/postgres';
import { AuditAction, recordRead } from './audit/audit-log';
import { TEAM_VIEW_DB } from './team-view.tokens';
import { loadTimeline } from './timeline/timeline.store';

/** The latest consent among the events, or null when none was given or the last was withdrawn. */
export function latestConsent(events: readonly SharedEvent[]): SharingConsent | null {
  let consent: SharingConsent | null = null;
  for (const event of events) {
    if (event.type === 'ConsentGiven') {
      const data = event.data as { shareWith?: unknown; employerDisclosure?: unknown };
      const shareWith = Array.isArray(data.shareWith) ? data.shareWith.filter((x): x is string => typeof x === 'string') : [];
      consent = {
        shareWith: shareWith.filter(isAgency),
        employerDisclosure: data.employerDisclosure === true,
        recordedBy: event.source,
      };
    } else if (event.type === 'ConsentWithdrawn') {
      consent = null;
    }
  }
  return consent;
}

const audienceOf = (event: SharedEvent) => contracts.find(event.type, event.version)?.audience;

const employerOf = (event: SharedEvent): string | undefined => {
  const employerId = (event.data as { employerId?: unknown }).employerId;
  return typeof employerId === 'string' ? employerId : undefined;
};

/** The events of one participant's record that this reader may see, by the consent in force. */
export function visibleTo(reader: Principal, events: readonly SharedEvent[]): SharedEvent[] {
  const consent = latestConsent(events);
  return events.filter((event) =>
    canSee(
      reader,
      {
        source: event.source,
        participantId: event.participantId,
        health: audienceOf(event) === 'sharing-circle-not-employer',
        employerId: employerOf(event),
        alwaysToNamedEmployer: audienceOf(event) === 'sharing-circle-and-named-employer',
      },
      consent,
    ),
  );
}

export type RecordRead =
  { readonly found: true; readonly events: readonly SharedEvent[] } | { readonly found: false; readonly reason: 'forbidden' | 'not-found' };

/**
 * The part of a participant's record this reader may see, with the read written to the audit log and the
 * personal fields opened with the participant's key (`[erased]` once it is destroyed). Nothing visible
 * reads as not found: a reader outside the circle learns nothing, not even existence.
 */
@Injectable()
export class ParticipantRecords {
  constructor(
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `timeline`: the participant's timeline when the caller has just loaded it (a list), so it is not read again. */
  async read(reader: Principal, participantId: string, action: AuditAction, correlationId?: string, timeline?: readonly SharedEvent[]): Promise<RecordRead> {
    if (!OWN_RECORD.may(reader, participantId)) {
      await recordRead(this.db, reader, participantId, action, 'denied', this.clock.now(), correlationId);
      return { found: false, reason: 'forbidden' };
    }
    const visible = visibleTo(reader, timeline ?? (await loadTimeline(this.db, participantId)));
    await recordRead(this.db, reader, participantId, action, visible.length > 0 ? 'allowed' : 'not-found', this.clock.now(), correlationId);
    if (visible.length === 0) return { found: false, reason: 'not-found' };
    const data = await this.personalData.open(
      participantId,
      visible.map((event) => event.data),
    );
    return { found: true, events: visible.map((event, index) => ({ ...event, data: data[index] as Record<string, unknown> })) };
  }
}
