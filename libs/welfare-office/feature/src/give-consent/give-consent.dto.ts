import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, Validate, ValidatorConstraint } from 'class-validator';
import type { ValidationArguments, ValidatorConstraintInterface } from 'class-validator';
import { AGENCIES, Agency } from '@ips/contracts';
import { DISCLOSURE_WITHOUT_EMPLOYER, disclosesWithoutSharing } from '@ips/welfare-office/domain';

/** The domain's rule, asked before the command: a consent that contradicts itself is bad input (400), named on its field. */
@ValidatorConstraint({ name: 'disclosureNeedsEmployer' })
class DisclosureNeedsEmployer implements ValidatorConstraintInterface {
  validate(employerDisclosure: unknown, args: ValidationArguments): boolean {
    const { shareWith } = args.object as Partial<GiveConsentDto>;
    if (employerDisclosure !== true || !Array.isArray(shareWith)) return true;
    return !disclosesWithoutSharing({ shareWith, employerDisclosure });
  }
  defaultMessage(): string {
    return DISCLOSURE_WITHOUT_EMPLOYER;
  }
}

/** The body of give-consent: who shares the record, and whether an employer may be told. */
export class GiveConsentDto {
  @ApiProperty({ example: ['mental-health', 'municipality'], enum: AGENCIES, isArray: true })
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(AGENCIES, { each: true })
  shareWith!: Agency[];

  @ApiProperty({
    example: false,
    description: "may the employer see entries about its placements; true only with 'employer' in shareWith (that is what telling the employer shares)",
  })
  @IsBoolean()
  @Validate(DisclosureNeedsEmployer)
  employerDisclosure!: boolean;
}
