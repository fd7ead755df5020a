import { describe, expect, it } from 'vitest';

import type { Person } from '../../lib/bindings/Person';
import { emptyForm, formFromPerson, toInput, validateForm } from './personForm';

const person: Person = {
  id: 4,
  ext_id: 'E4',
  name: 'Ada Lovelace',
  title: 'Staff Engineer',
  kind: 'human',
  role_track: null,
  level: 'L6',
  team_id: 2,
  team: 'Platform',
  email: 'ada@example.com',
  manager_id: 1,
  manager_name: 'Grace Hopper',
  attributes: {},
  direct_reports: 0,
  agents_supervised: 0,
  disambiguation: null,
};

describe('person form', () => {
  it('round-trips a person into an input', () => {
    expect(toInput(formFromPerson(person))).toEqual({
      name: 'Ada Lovelace',
      title: 'Staff Engineer',
      kind: 'human',
      role_track: null,
      level: 'L6',
      team_id: 2,
      email: 'ada@example.com',
      manager_id: 1,
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
    expect(validateForm({ ...emptyForm(), name: 'A', managerId: 4 }, 4).manager).toBeTruthy();
    expect(validateForm(formFromPerson(person), 4)).toEqual({});
  });
});
