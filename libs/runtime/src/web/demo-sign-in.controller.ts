import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { issueToken } from '@ips/access';
import { ProblemException } from '@ips/http';
import { PERSONAL_DATA, PersonalData } from '@ips/personal-data';
import { SqlDriver } from '@ips/postgres';
import { TEAM_VIEW_DB } from '@ips/team-view';
import { DemoSignIn } from './demo-team';
import { DEMO_STAFF, DemoUser } from './demo-users';

export const DEMO_SIGN_IN = Symbol('DEMO_SIGN_IN');

export class DemoSignInDto {
  @ApiProperty({ example: 'es-ingrid', description: 'a demo user id from GET /auth/demo-users' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  userId!: string;
}

/**
 * The embedded profile's sign-in for trying the web app: pick a demo user, get a token of the embedded key.
 * Mounted only by the embedded platform (and not with DEMO_SIGN_IN=off), and answering only while its switch is on
 * (DEMO_SIGN_IN=on, or the data directory holds the demo team of `npm run seed`): else 404, as if it were not there.
 * Staff are the demo team, participants and employers are those in the data (referrals; employers with a placement).
 */
@ApiTags('auth')
@Controller('auth')
export class DemoSignInController {
  constructor(
    @Inject(DEMO_SIGN_IN) private readonly demo: DemoSignIn,
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
          {
            id: 'participant:3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
            name: 'Kari Nordmann',
            agency: 'participant',
            role: 'participant',
            participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
          },
        ],
      },
    },
  })
  @ApiNotFoundResponse({ description: 'AUTH.DEMO_SIGN_IN_OFF: the demo sign-in is off (no demo team in the data directory, and DEMO_SIGN_IN is not on)' })
  async users(): Promise<{ users: DemoUser[] }> {
    this.assertOn();
    return { users: [...DEMO_STAFF, ...(await this.participants()), ...(await this.employers())] };
  }

  @Post('demo-sign-in')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Embedded profile only: a token (8 hours, or the maximum token lifetime if shorter) for a demo user, signed with the embedded key.',
  })
  @ApiOkResponse({ schema: { example: { token: 'eyJhbGciOiJFUzI1NiIs…', expiresAt: '2026-03-02T17:00:00.000Z', user: DEMO_STAFF[0] } } })
  @ApiNotFoundResponse({
    description: 'AUTH.DEMO_SIGN_IN_OFF: the demo sign-in is off; AUTH.UNKNOWN_DEMO_USER: no demo user with this id',
  })
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
    const now = Date.now();
    const token = await issueToken(this.demo.key, claims, this.demo.tokenSeconds, now);
    return { token, expiresAt: new Date((Math.floor(now / 1000) + this.demo.tokenSeconds) * 1000).toISOString(), user };
  }

  /** 404 while the switch is off, with what would turn it on for a try-out. */
  private assertOn(): void {
    const off = this.demo.switch.offBecause();
    if (off === 'no-demo-team') {
      throw ProblemException.of(
        404,
        'AUTH.DEMO_SIGN_IN_OFF',
        'the demo sign-in is off: this data directory holds no demo team. For a try-out with synthetic data, run `npm run seed` or start with DEMO_SIGN_IN=on',
      );
    }
    if (off) throw ProblemException.of(404, 'AUTH.DEMO_SIGN_IN_OFF', 'the demo sign-in is off here');
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
