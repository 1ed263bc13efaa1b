import { principalFromClaims } from './principal';

describe('reading token claims', () => {
  it('accepts staff of an agency', () => {
    expect(principalFromClaims({ sub: 'cw-1', agency: 'welfare-office', role: 'caseworker' })).toEqual({
      sub: 'cw-1',
      agency: 'welfare-office',
      role: 'caseworker',
    });
  });

  it.each(['administrator', 'coordinator'])('accepts the programme’s %s', (role) => {
    expect(principalFromClaims({ sub: 'adm-1', agency: 'programme', role })).toEqual({ sub: 'adm-1', agency: 'programme', role });
  });

  it.each([
    [{ agency: 'welfare-office', role: 'caseworker' }, 'token has no subject'],
    [{ sub: 's', agency: 'police', role: 'caseworker' }, 'token has no known agency'],
    [{ sub: 's', agency: 'welfare-office', role: 'admin' }, 'token has no known role'],
    [{ sub: 's', agency: 'participant', role: 'caseworker' }, 'participant agency and role go together'],
    [{ sub: 's', agency: 'participant', role: 'participant' }, "a participant's token must name the participant"],
    [{ sub: 's', agency: 'employer', role: 'employer' }, "an employer's token must name the employer"],
    [{ sub: 's', agency: 'welfare-office', role: 'administrator' }, 'the programme agency and its roles (administrator, coordinator) go together'],
    [{ sub: 's', agency: 'programme', role: 'supervisor' }, 'the programme agency and its roles (administrator, coordinator) go together'],
  ])('refuses %j: %s', (claims, reason) => {
    expect(principalFromClaims(claims)).toBe(reason);
  });
});
