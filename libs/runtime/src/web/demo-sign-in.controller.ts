import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SigningKey, issueToken } from '@ips/access';
import { ProblemException } from '@ips/http';
import { PERSONAL_DATA, PersonalData } from '@ips/personal-data';
import { SqlDriver } from '@ips/postgres';
import { TEAM_VIEW_DB } from '@ips/team-view';
import { DEMO_STAFF, DemoUser } from './demo-users';

export const DEMO_SIGNING_KEY = Symbol('DEMO_SIGNING_KEY');

export class DemoSignInDto {
  @ApiProperty({ example: 'es-ingrid', description: 'a demo user id from GET /auth/demo-users' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  userId!: string;
}

const TOKEN_HOURS = 8;

/**
 * The embedded profile's sign-in for trying the web app: pick a demo user, get a token of the embedded key.
 * Mounted only by the embedded platform (and not with DEMO_SIGN_IN=off); staff are the demo team, participants
 * and employers are those in the data (referrals; employers with a placement).
 */
@ApiTags('auth')
@Controller('auth')
export class DemoSignInController {
  constructor(
    @Inject(DEMO_SIGNING_KEY) private readonly key: SigningKey,
    @Inject(TEAM_VIEW_DB) private readonly db: SqlDriver,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
  ) {}

  @Get('demo-users')
  @ApiOperation({ summary: 'Embedded profile only: the demo users one may sign in as (staff of the demo team, participants and employers in the data).' })
  @ApiOkResponse({
    schema: {
      example: {
        users: [
          { id: 'es-ingrid', name: 'Ingrid Solberg', agency: 'welfare-office', role: 'employment-specialist' },
          { id: 'participant:3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11', name: 'Kari Nordmann', agency: 'participant', role: 'participant', participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11' },
        ],
      },
    },
  })
  async users(): Promise<{ users: DemoUser[] }> {
    return { users: [...DEMO_STAFF, ...(await this.participants()), ...(await this.employers())] };
  }

  @Post('demo-sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Embedded profile only: a token (8 hours) for a demo user, signed with the embedded key.' })
  @ApiOkResponse({ schema: { example: { token: 'eyJhbGciOiJFUzI1NiIs…', expiresAt: '2026-03-02T17:00:00.000Z', user: DEMO_STAFF[0] } } })
  async signIn(@Body() body: DemoSignInDto): Promise<{ token: string; expiresAt: string; user: DemoUser }> {
    const user = (await this.users()).users.find((candidate) => candidate.id === body.userId);
    if (!user) throw ProblemException.of(404, 'AUTH.UNKNOWN_DEMO_USER', 'no demo user with this id: see GET /auth/demo-users');
    const claims = {
      sub: user.participantId ? `participant-${user.participantId.slice(0, 8)}` : user.employerId ? `employer-${user.employerId.slice(0, 8)}` : user.id,
      agency: user.agency,
      role: user.role,
      ...(user.participantId ? { participantId: user.participantId } : {}),
      ...(user.employerId ? { employerId: user.employerId } : {}),
    };
    const token = await issueToken(this.key, claims, `${TOKEN_HOURS}h`);
    return { token, expiresAt: new Date(Date.now() + TOKEN_HOURS * 3_600_000).toISOString(), user };
  }

  private async participants(): Promise<DemoUser[]> {
    const rows = await this.db.query<{ participant_id: string; data: Record<string, unknown> }>(
      `select participant_id, event->'data' as data from tv_timeline where type = 'ParticipantReferred' order by occurred_at, received`,
    );
    const users: DemoUser[] = [];
    for (const row of rows) {
      const [data] = (await this.personalData.open(row.participant_id, [row.data])) as [{ givenName?: unknown; familyName?: unknown }];
      users.push({
        id: `participant:${row.participant_id}`,
        name: `${String(data.givenName ?? '')} ${String(data.familyName ?? '')}`.trim(),
        agency: 'participant',
        role: 'participant',
        participantId: row.participant_id,
      });
    }
    return users;
  }

  private async employers(): Promise<DemoUser[]> {
    const rows = await this.db.query<{ employer_id: string; job_title: string }>(
      `select event->'data'->>'employerId' as employer_id, event->'data'->>'jobTitle' as job_title
         from tv_timeline where type = 'PlacementStarted' order by occurred_at, received`,
    );
    const byEmployer = new Map<string, string[]>();
    for (const row of rows) byEmployer.set(row.employer_id, [...new Set([...(byEmployer.get(row.employer_id) ?? []), row.job_title])]);
    return [...byEmployer].map(([employerId, jobTitles]) => ({
      id: `employer:${employerId}`,
      name: jobTitles.join(', '),
      agency: 'employer',
      role: 'employer',
      employerId,
      jobTitles,
    }));
  }
}
