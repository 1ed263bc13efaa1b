import { applyDecorators, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

/** The employer service's routes under /employer. */
export const EmployerController = () => applyDecorators(ApiTags('employer'), ApiBearerAuth(), Controller('employer'));

/**
 * POST /employer/participants/:id/placements/:placementId/<path> by employment staff or the placement's own
 * employer, answering 201.
 */
export const PlacementRoute = (path: string, summary: string, conflicts = 'PLACEMENT.ENDED', rejections: string | null = null) =>
  applyDecorators(
    Post(`participants/:id/placements/:placementId/${path}`),
    HttpCode(201),
    ApiOperation({ summary }),
    ApiCreatedResponse({ description: 'recorded' }),
    ApiForbiddenResponse({ description: "AUTH.FORBIDDEN: an employer's token for another employer's placement" }),
    ApiNotFoundResponse({ description: 'PLACEMENT.NOT_FOUND' }),
    ApiConflictResponse({ description: conflicts }),
    ...(rejections ? [ApiUnprocessableEntityResponse({ description: rejections })] : []),
  );
