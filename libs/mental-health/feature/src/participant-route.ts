import { applyDecorators, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

/** The mental-health service's routes under /mental-health/participants/:id. */
export const ParticipantController = () => applyDecorators(ApiTags('mental-health'), ApiBearerAuth(), Controller('mental-health/participants'));

/**
 * POST /mental-health/participants/:id/<path> by treatment staff, answering 201. A participant this
 * service has not noted as enrolled (unknown ones included) is a conflict, never a 404.
 */
export const RecordRoute = (path: string, summary: string, conflicts: string | null = 'PARTICIPANT.NOT_ENROLLED', rejections: string | null = null) =>
  applyDecorators(
    Post(`:id/${path}`),
    HttpCode(201),
    ApiOperation({ summary }),
    ApiCreatedResponse({ description: 'recorded' }),
    ...(conflicts ? [ApiConflictResponse({ description: conflicts })] : []),
    ...(rejections ? [ApiUnprocessableEntityResponse({ description: rejections })] : []),
  );
