import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';

/** The programme's teams under /programme/teams. */
export const TeamsController = () => applyDecorators(ApiTags('programme'), ApiBearerAuth(), Controller('programme/teams'));

export { ApiInvalidRequest, ApiProblem } from '@ips/http';

/** `:sub` in the path: a member's token subject (not a UUID). */
export const ApiMemberParam = () => ApiParam({ name: 'sub', description: "the member's token subject", example: 'es-ingrid' });
