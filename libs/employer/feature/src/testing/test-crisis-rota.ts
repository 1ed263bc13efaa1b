import { Injectable } from '@nestjs/common';
import { CrisisOnDuty } from '../contact-line/crisis-on-duty.port';

/** The municipality's crisis rota as a test arranges it, through the same port the platform binds. */
@Injectable()
export class TestCrisisRota implements CrisisOnDuty {
  static shifts: { readonly workerId: string; readonly from: string; readonly to: string }[] = [];
  static unreachable = false;

  async onDutyAt(instant: string): Promise<readonly string[]> {
    if (TestCrisisRota.unreachable) throw new Error('the municipality does not answer');
    return TestCrisisRota.shifts.filter((shift) => shift.from <= instant && instant < shift.to).map((shift) => shift.workerId);
  }
}
