import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { TextListField } from '@ips/http';

export class WriteActionPlanDto {
  @TextListField(['a paid job before summer'])
  goals!: string[];

  @TextListField(['warehouse', 'gardening'])
  jobPreferences!: string[];

  @ApiProperty({ example: 20, minimum: 1, maximum: 60 })
  @IsInt()
  @Min(1)
  @Max(60)
  hoursPerWeek!: number;

  @TextListField(['help with the CV', 'someone to call on bad days'])
  supportsWanted!: string[];
}
