import { describe, expect, it } from 'vitest';

import * as core from '../../test/core';
import { emptyForm, formFromPerson, toInput, validateForm } from './personForm';

// Ada as the host sends her: an engineering manager on Platform, under Grace.
const person = core.personAda();

describe('person form', () => {
  it('round-trips a person into an input', () => {
    expect(toInput(formFromPerson(person))).toEqual({
      name: 'Ada Lovelace',
      title: 'Engineering Manager',
      kind: 'human',
      role_track: 'manager',
      level: 'L6',
      team_id: person.team_id,
      email: 'ada.lovelace@example.com',
      manager_id: person.manager_id,
    });
  });

  it('trims text and maps the empty role to null', () => {
    const f = { ...emptyForm(), name: '  Linus ', role: 'ic_leader' as const, email: ' l@x.org ' };
    const input = toInput(f);
    expect(input.name).toBe('Linus');
    expect(input.email).toBe('l@x.org');
    expect(input.role_track).toBe('ic_leader');
    expect(toInput(emptyForm()).role_track).toBeNull();
  });

  it('requires a name, a plausible email and no self-management', () => {
    expect(validateForm(emptyForm(), null).name).toBeTruthy();
    expect(validateForm({ ...emptyForm(), name: 'A', email: 'nope' }, null).email).toBeTruthy();
    expect(validateForm({ ...emptyForm(), name: 'A', managerId: person.id }, person.id).manager).toBeTruthy();
    expect(validateForm(formFromPerson(person), person.id)).toEqual({});
  });
});
