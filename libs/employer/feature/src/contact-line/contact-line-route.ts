import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { problemType } from '@ips/http';

/** The 24/7 contact line's requests under /employer/contact-requests. */
export const ContactRequestsController = () =>
  applyDecorators(ApiTags('employer contact line'), ApiBearerAuth(), Controller('employer/contact-requests'));

/** The on-call roster under /employer/on-call. */
export const OnCallController = () => applyDecorators(ApiTags('employer contact line'), ApiBearerAuth(), Controller('employer/on-call'));

const TITLES: Record<number, string> = {
  400: 'Bad request',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  422: 'Not allowed in this state',
  503: 'Not ready',
};

/** A documented problem+json answer with an example, one per stable code. */
export const ApiProblem = (status: number, code: string, detail: string, errors?: readonly { field: string; message: string }[]) =>
  ApiResponse({
    status,
    description: code,
    content: {
      'application/problem+json': {
        example: { type: problemType(code), title: TITLES[status] ?? 'Error', status, detail, code, ...(errors ? { errors } : {}) },
      },
    },
  });

export const ApiInvalidRequest = (field: string, message: string) =>
  ApiProblem(400, 'REQUEST.INVALID', 'the request has invalid or unknown fields', [{ field, message }]);

/** For commands that carry nothing but their path: the body is `{}`, and any field is refused (400). */
export const ApiEmptyBody = () =>
  ApiBody({ required: false, schema: { type: 'object', additionalProperties: false, properties: {}, example: {} } });
