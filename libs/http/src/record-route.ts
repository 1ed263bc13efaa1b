import { Controller, HttpCode, Post, applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

/** An agency's routes under `/<agency>/<resource>`, in the agency's section of the API document, behind a bearer token. */
export const AgencyController = (agency: string, resource: string) => applyDecorators(ApiTags(agency), ApiBearerAuth(), Controller(`${agency}/${resource}`));

/** The refusals a record route answers with, by status: the rules' codes, comma separated. */
export interface RecordRouteProblems {
  readonly notFound?: string;
  readonly conflicts?: string;
  readonly rejections?: string;
}

/** `POST :id/<path>` under the controller, answering 201 "recorded": a command on the record `:id`. */
export const RecordRoute = (path: string, summary: string, problems: RecordRouteProblems = {}) =>
  applyDecorators(
    Post(`:id/${path}`),
    HttpCode(201),
    ApiOperation({ summary }),
    ApiCreatedResponse({ description: 'recorded' }),
    ...(problems.notFound ? [ApiNotFoundResponse({ description: problems.notFound })] : []),
    ...(problems.conflicts ? [ApiConflictResponse({ description: problems.conflicts })] : []),
    ...(problems.rejections ? [ApiUnprocessableEntityResponse({ description: problems.rejections })] : []),
  );
