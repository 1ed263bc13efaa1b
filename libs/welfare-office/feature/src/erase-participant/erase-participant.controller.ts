import { Body, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, NoFieldsPipe, PathId } from '@ips/http';
import { PERSONAL_DATA, PersonalData } from '@ips/personal-data';
import { decideEraseParticipant } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { ParticipantController } from '../participant-route';
import { ReferralFingerprints } from '../refer-participant/referral-fingerprints';

export class ErasureDto {
  @ApiProperty({ example: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11' })
  participantId!: string;

  @ApiProperty({ example: '2027-01-04T10:00:00.000Z', description: 'when the key was destroyed' })
  erasedAt!: string;
}

/**
 * The right to erasure, by crypto-shredding: the participant's key is destroyed, then the erasure is
 * recorded (and published, so every agency's view shows it). Destroying first means a crash in between
 * leaves the data unreadable and the request safe to repeat; a repeat after success is 409.
 */
@ParticipantController()
export class EraseParticipantController {
  constructor(
    private readonly commands: ParticipantCommands,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
    private readonly fingerprints: ReferralFingerprints,
  ) {}

  @Post(':id/erasure')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Erase the participant's personal data (a supervisor): their key is destroyed, so names, birth date, phone numbers and free text read as [erased] everywhere; the rest of the record stays.",
  })
  @ApiCreatedResponse({ type: ErasureDto, description: 'erased' })
  @ApiNotFoundResponse({ description: 'PARTICIPANT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'PARTICIPANT.ERASED (already)' })
  async erase(
    @PathId('id') participantId: string,
    @Body(NoFieldsPipe) _body: Record<string, never>,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<ErasureDto> {
    const { recordedAt } = await this.commands.execute('EraseParticipant', { participantId }, decideEraseParticipant, principal, correlationId, {
      // The duplicate check's hash of their name and birth date goes with the key.
      beforeAppend: async () => {
        await this.personalData.erase(participantId);
        await this.fingerprints.forget(participantId);
      },
    });
    return { participantId, erasedAt: recordedAt };
  }
}
