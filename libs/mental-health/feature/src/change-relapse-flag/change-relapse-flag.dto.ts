import { RaiseRelapseFlagDto } from '../raise-relapse-flag/raise-relapse-flag.dto';

/** The body of change-relapse-flag: the whole flag again: a change is a review, so `reviewBy` must lie ahead; `actions` left out means none. */
export class ChangeRelapseFlagDto extends RaiseRelapseFlagDto {}
