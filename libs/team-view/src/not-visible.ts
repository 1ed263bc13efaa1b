import { ProblemException } from '@ips/http';

export const notVisible = (reason: 'forbidden' | 'not-found'): ProblemException =>
  reason === 'forbidden'
    ? ProblemException.of(403, 'AUTH.FORBIDDEN', "a participant's token reads only that participant's record")
    : ProblemException.of(404, 'PARTICIPANT.NOT_FOUND', 'no participant with this id that you may see');
