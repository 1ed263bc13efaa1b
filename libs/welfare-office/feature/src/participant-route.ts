import { applyDecorators, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

/** The welfare office's routes under /welfare-office/participants/:id. */
export const ParticipantController = () => applyDecorators(ApiTags('welfare-office'), ApiBearerAuth(), Controller('welfare-office/participants'));

/** POST /welfare-office/participants/:id/<path> by welfare-office staff, answering 201. */
export const RecordRoute = (path: string, summary: string, conflicts: string | null = 'PARTICIPANT.NOT_ENROLLED') =>
  applyDecorators(
    Post(`:id/${path}`),
    HttpCode(201),
    ApiOperation({ summary }),
    ApiCreatedResponse({ description: 'recorded' }),
    ApiNotFoundResponse({ description: 'PARTICIPANT.NOT_FOUND' }),
    ...(conflicts ? [ApiConflictResponse({ description: conflicts })] : []),
  );
