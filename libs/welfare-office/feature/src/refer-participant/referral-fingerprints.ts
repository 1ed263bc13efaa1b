import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable, OnModuleInit, Optional, Provider } from '@nestjs/common';
import { DEFAULT_TEAM_ID } from '@ips/contracts';
import { EVENT_STORE, EventStore } from '@ips/event-store';
import { SERVICE_DATABASE } from '@ips/messaging';
import { ERASED, PERSONAL_DATA, PersonalData } from '@ips/personal-data';
import { MigrationSet, SqlDriver, migrate } from '@ips/postgres';
import { PersonNamed, participantAggregate, samePersonKey } from '@ips/welfare-office/domain';

/** The welfare office's own database (the runtime's SERVICE_DATABASE; a test of the module alone: its store's). */
export const WELFARE_OFFICE_DB = Symbol('WELFARE_OFFICE_DB');

/**
 * Optional: the key of the duplicate check's hashes (32 bytes or more), from a secret store. Unbound, the service makes
 * one on its first start and keeps it in its own database.
 */
export const REFERRAL_CHECK_KEY = Symbol('REFERRAL_CHECK_KEY');

export const welfareOfficeDatabase: Provider = {
  provide: WELFARE_OFFICE_DB,
  inject: [EVENT_STORE, { token: SERVICE_DATABASE, optional: true }],
  useFactory: (store: EventStore & { readonly driver?: SqlDriver }, db: SqlDriver | undefined): SqlDriver => {
    const driver = db ?? store.driver;
    if (!driver) throw new Error("the welfare office's duplicate referral check needs the service's SQL database (SERVICE_DATABASE)");
    return driver;
  },
};

export const referralFingerprintMigrations: MigrationSet = {
  component: 'welfare-office-referral-check',
  migrations: [
    {
      version: 1,
      sql: `
create table wo_referral_check_key (
  id int primary key check (id = 1),
  hmac_key text not null,
  backfilled_at timestamptz
);
create table wo_referral_fingerprints (
  participant_id uuid primary key,
  fingerprint text not null,
  team_id uuid not null
);
create index wo_referral_fingerprints_by_fingerprint on wo_referral_fingerprints (fingerprint, team_id);`,
    },
  ],
};

/**
 * The duplicate referral check (a referral of someone already referred warns before a second record is made). Per
 * participant it keeps a keyed hash (HMAC-SHA-256) of the normalised given name, family name and birth date, and the
 * team they belong to: no name, no birth date. A withdrawn referral and an erasure remove the row, so only referrals
 * still open or on a caseload (or discharged) are found; a transfer moves it. Without the key a row tells nothing,
 * and with it one can only test a guess, as the referral form itself can.
 */
@Injectable()
export class ReferralFingerprints implements OnModuleInit {
  private key: Buffer | undefined;

  constructor(
    @Inject(WELFARE_OFFICE_DB) private readonly db: SqlDriver,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
    @Optional() @Inject(REFERRAL_CHECK_KEY) private readonly configuredKey?: Buffer,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.db, referralFingerprintMigrations);
    this.key = this.configuredKey ?? (await this.storedKey());
    const [row] = await this.db.query<{ backfilled: boolean }>('select backfilled_at is not null as backfilled from wo_referral_check_key where id = 1');
    if (!row?.backfilled) {
      await this.backfill();
      await this.db.query('update wo_referral_check_key set backfilled_at = now() where id = 1');
    }
  }

  fingerprintOf(person: PersonNamed): string {
    if (!this.key) throw new Error('the referral check is not started (onModuleInit)');
    return createHmac('sha256', this.key).update(samePersonKey(person), 'utf8').digest('hex');
  }

  /** The participants with this fingerprint whose team is one of `teamIds`, oldest id first. */
  async inTeams(fingerprint: string, teamIds: readonly string[]): Promise<string[]> {
    if (teamIds.length === 0) return [];
    const rows = await this.db.query<{ participant_id: string }>(
      'select participant_id from wo_referral_fingerprints where fingerprint = $1 and team_id = any($2::uuid[]) order by participant_id',
      [fingerprint, teamIds],
    );
    return rows.map((row) => row.participant_id);
  }

  async record(participantId: string, fingerprint: string, teamId: string): Promise<void> {
    await this.db.query(
      `insert into wo_referral_fingerprints (participant_id, fingerprint, team_id) values ($1, $2, $3)
       on conflict (participant_id) do update set fingerprint = excluded.fingerprint, team_id = excluded.team_id`,
      [participantId, fingerprint, teamId],
    );
  }

  async moveTo(participantId: string, teamId: string): Promise<void> {
    await this.db.query('update wo_referral_fingerprints set team_id = $2 where participant_id = $1', [participantId, teamId]);
  }

  async forget(participantId: string): Promise<void> {
    await this.db.query('delete from wo_referral_fingerprints where participant_id = $1', [participantId]);
  }

  /** The service's own key: made once (the first process to start wins), then read. */
  private async storedKey(): Promise<Buffer> {
    await this.db.query('insert into wo_referral_check_key (id, hmac_key) values (1, $1) on conflict (id) do nothing', [randomBytes(32).toString('hex')]);
    const [row] = await this.db.query<{ hmac_key: string }>('select hmac_key from wo_referral_check_key where id = 1');
    return Buffer.from((row as { hmac_key: string }).hmac_key, 'hex');
  }

  /**
   * Once, on the first start with the check (an upgrade): the participants referred before it, from the welfare office's
   * own events, so they are found too. Those withdrawn or erased are left out; a row the live routes wrote meanwhile
   * is kept. The names are opened with each participant's key only to be hashed.
   */
  private async backfill(): Promise<void> {
    const prefix = `${participantAggregate.category}-`;
    const referrals = new Map<string, { data: Record<string, unknown>; teamId: string }>();
    for (let after = 0; ;) {
      const page = await this.store.readAll(after, 1000);
      if (page.length === 0) break;
      after = (page[page.length - 1] as { globalPosition: number }).globalPosition;
      for (const event of page) {
        if (!event.streamId.startsWith(prefix)) continue;
        const participantId = event.streamId.slice(prefix.length);
        if (event.type === 'ParticipantReferred') {
          const teamId = typeof event.data['teamId'] === 'string' ? event.data['teamId'] : DEFAULT_TEAM_ID;
          referrals.set(participantId, { data: event.data, teamId });
        } else if (event.type === 'ParticipantTransferred') {
          const referral = referrals.get(participantId);
          if (referral) referral.teamId = event.data['toTeamId'] as string;
        } else if (event.type === 'ReferralWithdrawn' || event.type === 'ParticipantErased') {
          referrals.delete(participantId);
        }
      }
    }
    const entries = [...referrals];
    const opened = await this.personalData.openEach(
      entries.map(([, referral]) => referral.data),
      (data) => data['participantId'] as string,
    );
    for (const [index, [participantId, { teamId }]] of entries.entries()) {
      const person = namedIn(opened[index]);
      if (!person) continue;
      const fingerprint = this.fingerprintOf(person);
      await this.db.query(
        'insert into wo_referral_fingerprints (participant_id, fingerprint, team_id) values ($1, $2, $3) on conflict (participant_id) do nothing',
        [participantId, fingerprint, teamId],
      );
    }
  }
}

/** The name and birth date a referral's opened data holds, or null when one is missing or was erased. */
function namedIn(data: Record<string, unknown> | undefined): PersonNamed | null {
  const [givenName, familyName, birthDate] = [data?.['givenName'], data?.['familyName'], data?.['birthDate']];
  const known = (value: unknown): value is string => typeof value === 'string' && value !== ERASED;
  return known(givenName) && known(familyName) && known(birthDate) ? { givenName, familyName, birthDate } : null;
}
