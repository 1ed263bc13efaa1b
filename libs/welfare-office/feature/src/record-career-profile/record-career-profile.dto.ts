import { OptionalTextField, TextListField } from '@ips/http';

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
