import { DateField, HOURLY_WAGE, HOURS_PER_WEEK, NumberField } from '@ips/http';

/** The body of change-placement-terms: the new hours and wage and from when. */
export class ChangePlacementTermsDto {
  @DateField('2026-06-01', 'planned', 'from when the new terms apply')
  effectiveFrom!: string;

  @NumberField(25, HOURS_PER_WEEK, 'paid hours a week (1 to 60 for a placement, else 422 PLACEMENT.INVALID_HOURS)')
  hoursPerWeek!: number;

  @NumberField(240, HOURLY_WAGE, 'ordinary wage per hour, local currency (below the configured minimum: 422 PLACEMENT.WAGE_BELOW_MINIMUM)')
  hourlyWage!: number;
}
