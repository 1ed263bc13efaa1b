import { UseCaseCommand } from '@ips/command-pipeline';
import { ScheduleOnCall } from '@ips/employer/domain';
import { Command } from '@ips/kernel';

/** schedule-on-call: a specialist or supervisor is put on call for the team from one time to another. */
export class ScheduleOnCallCommand extends UseCaseCommand<Command<'ScheduleOnCall', Omit<ScheduleOnCall['data'], 'programmeTeam' | 'teamsDefined'>>> {
  readonly type = 'ScheduleOnCall';
}
