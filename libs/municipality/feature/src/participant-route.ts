import { applyDecorators, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

/** The municipality's routes under /municipality/participants/:id. */
export const ParticipantController = () => applyDecorators(ApiTags('municipality'), ApiBearerAuth(), Controller('municipality/participants'));

/** POST /municipality/participants/:id/<path> by municipal staff, answering 201. */
export const RecordRoute = (path: string, summary: string, conflicts: string | null) =>
  applyDecorators(
    Post(`:id/${path}`),
    HttpCode(201),
    ApiOperation({ summary }),
    ApiCreatedResponse({ description: 'recorded' }),
    ...(conflicts ? [ApiConflictResponse({ description: conflicts })] : []),
  );
