import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

/** The municipality's crisis rota under /municipality/crisis-duty (one rota for now: `default`). */
export const CrisisDutyController = () => applyDecorators(ApiTags('municipality'), ApiBearerAuth(), Controller('municipality/crisis-duty'));
