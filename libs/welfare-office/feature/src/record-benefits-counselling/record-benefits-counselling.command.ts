import { UseCaseCommand } from '@ips/command-pipeline';
import { RecordBenefitsCounselling } from '@ips/welfare-office/domain';

/** record-benefits-counselling: a benefits counselling session is recorded (before a job starts, and when hours or pay change). */
export class RecordBenefitsCounsellingCommand extends UseCaseCommand<RecordBenefitsCounselling> {
  readonly type = 'RecordBenefitsCounselling';
}
