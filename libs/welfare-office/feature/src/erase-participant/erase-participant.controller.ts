import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { AgencyController, NoFieldsPipe, PathId } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { EraseParticipantCommand } from './erase-participant.command';

/** What erase-participant answers: whose key was destroyed, and when. */
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
@AgencyController('welfare-office', 'participants')
export class EraseParticipantController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/erasure')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Erase the participant's personal data (a supervisor): their key is destroyed, so names, birth date, phone numbers and free text read as [erased] everywhere; the rest of the record stays.",
  })
  @ApiCreatedResponse({ type: ErasureDto, description: 'erased' })
  @ApiNotFoundResponse({ description: 'PARTICIPANT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'PARTICIPANT.ERASED (already)' })
  async erase(@PathId('id') participantId: string, @Body(NoFieldsPipe) _body: Record<string, never>, @Issuer() issuer: CommandIssuer): Promise<ErasureDto> {
    const { recordedAt } = accepted(await this.commands.execute(new EraseParticipantCommand({ participantId }, issuer)));
    return { participantId, erasedAt: recordedAt };
  }
}
