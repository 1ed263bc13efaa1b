import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Validate, ValidatorConstraint } from 'class-validator';
import type { ValidationArguments, ValidatorConstraintInterface } from 'class-validator';

export interface NumberBounds {
  readonly min: number;
  /** `min` itself is refused: more than it. */
  readonly aboveMin?: boolean;
  readonly max: number;
  /** Digits after the decimal point. */
  readonly decimals: number;
  readonly words: string;
}

/**
 * What a job's terms can physically be: paid hours in a week (a week has 168; no contract comes near 100), more
 * than none, to the quarter hour and finer. Whether they suit an IPS placement (1 to 60) is the domain's rule, 422.
 */
export const HOURS_PER_WEEK: NumberBounds = { min: 0, aboveMin: true, max: 100, decimals: 2, words: 'more than 0 and at most 100, at most two decimals' };

/**
 * An ordinary hourly wage in the local currency (NOK, SEK), to the øre: 10,000 is some twenty times a typical wage
 * and above any job a participant takes, so a larger figure is a typo (or 1e308); it also keeps sums over many
 * placements far from floating-point trouble. Below the configured minimum wage is the domain's rule, 422.
 */
export const HOURLY_WAGE: NumberBounds = { min: 0, max: 10_000, decimals: 2, words: 'from 0 to 10,000, at most two decimals' };

/** At most `decimals` digits after the point, read from the number's shortest decimal form (so 1e-7 has seven). */
const decimalsOf = (value: number): number => {
  const [digits = '', exponent = '0'] = value.toString().toLowerCase().split('e');
  const fraction = digits.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
};

export const withinBounds = (value: unknown, bounds: NumberBounds): boolean =>
  typeof value === 'number' &&
  Number.isFinite(value) &&
  (bounds.aboveMin ? value > bounds.min : value >= bounds.min) &&
  value <= bounds.max &&
  decimalsOf(value) <= bounds.decimals;

/** A finite JSON number within its bounds (no class-validator `maxDecimalPlaces`: it throws on 1e-7). */
@ValidatorConstraint({ name: 'boundedNumber' })
class BoundedNumber implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return withinBounds(value, args.constraints[0] as NumberBounds);
  }
  defaultMessage(args: ValidationArguments): string {
    return `must be a number ${(args.constraints[0] as NumberBounds).words}`;
  }
}

/** A required number within `bounds`, documented with them. */
export const NumberField = (example: number, bounds: NumberBounds, description?: string) =>
  applyDecorators(
    ApiProperty({
      example,
      type: 'number',
      minimum: bounds.min,
      ...(bounds.aboveMin ? { exclusiveMinimum: true } : {}),
      maximum: bounds.max,
      description: description ? `${description}; ${bounds.words}` : bounds.words,
    }),
    Validate(BoundedNumber, [bounds]),
  );
