import { OptionalTextField, TextListField } from '@ips/http';

/** The body of record-career-profile and of update-career-profile: the whole profile (an update replaces it). */
export class CareerProfileDto {
  @OptionalTextField('Two years in a grocery store; summer jobs in a park', 4000)
  workHistory?: string;

  @OptionalTextField('Upper secondary, one year of vocational school')
  education?: string;

  @TextListField(['punctual', 'good with customers'])
  strengths!: string[];

  @TextListField(['warehouse', 'outdoor work'])
  interests!: string[];
}
