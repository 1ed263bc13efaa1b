import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { problemType, titleFor } from '@ips/http';

/** The programme's teams under /programme/teams. */
export const TeamsController = () => applyDecorators(ApiTags('programme'), ApiBearerAuth(), Controller('programme/teams'));

/** A documented problem+json answer: every stable code of that status, and an example of the first. */
export const ApiProblem = (status: number, codes: readonly [string, ...string[]], detail: string, errors?: readonly { field: string; message: string }[]) => {
  const [code] = codes;
  return ApiResponse({
    status,
    description: codes.join(', '),
    content: {
      'application/problem+json': {
        example: { type: problemType(code), title: titleFor(status), status, detail, code, ...(errors ? { errors } : {}) },
      },
    },
  });
};

export const ApiInvalidRequest = (field: string, message: string) =>
  ApiProblem(400, ['REQUEST.INVALID'], 'the request has invalid or unknown fields', [{ field, message }]);

/** `:sub` in the path: a member's token subject (not a UUID). */
export const ApiMemberParam = () => ApiParam({ name: 'sub', description: "the member's token subject", example: 'es-ingrid' });
