import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';

/** The 24/7 contact line's requests under /employer/contact-requests. */
export const ContactRequestsController = () => applyDecorators(ApiTags('employer contact line'), ApiBearerAuth(), Controller('employer/contact-requests'));

/** The on-call roster under /employer/on-call. */
export const OnCallController = () => applyDecorators(ApiTags('employer contact line'), ApiBearerAuth(), Controller('employer/on-call'));

export { ApiInvalidRequest, ApiProblem } from '@ips/http';

/** For commands that carry nothing but their path: the body is `{}`, and any field is refused (400). */
export const ApiEmptyBody = () => ApiBody({ required: false, schema: { type: 'object', additionalProperties: false, properties: {}, example: {} } });
