// The person form's state, and its conversion to the host's PersonInput.
import type { Person } from '../../lib/bindings/Person';
import type { PersonInput } from '../../lib/bindings/PersonInput';
import type { PersonKind } from '../../lib/bindings/PersonKind';
import type { RoleTrack } from '../../lib/bindings/RoleTrack';

export interface PersonFormState {
  name: string;
  title: string;
  kind: PersonKind;
  /** '' = no declared role track. */
  role: RoleTrack | '';
  level: string;
  teamId: number | null;
  email: string;
  managerId: number | null;
  managerName: string | null;
}

export function emptyForm(): PersonFormState {
  return {
    name: '',
    title: '',
    kind: 'human',
    role: '',
    level: '',
    teamId: null,
    email: '',
    managerId: null,
    managerName: null,
  };
}

export function formFromPerson(p: Person): PersonFormState {
  return {
    name: p.name,
    title: p.title,
    kind: p.kind,
    role: p.role_track ?? '',
    level: p.level,
    teamId: p.team_id,
    email: p.email,
    managerId: p.manager_id,
    managerName: p.manager_name,
  };
}

export type FormErrors = Partial<Record<'name' | 'email' | 'manager', string>>;

/** Checks that only need the form; the host validates everything again. */
export function validateForm(f: PersonFormState, selfId: number | null): FormErrors {
  const errors: FormErrors = {};
  if (!f.name.trim()) errors.name = 'A name is required.';
  const email = f.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) errors.email = 'This does not look like an email address.';
  if (selfId !== null && f.managerId === selfId) errors.manager = 'A person cannot report to themselves.';
  return errors;
}

export function toInput(f: PersonFormState): PersonInput {
  return {
    name: f.name.trim(),
    title: f.title.trim(),
    kind: f.kind,
    role_track: f.role === '' ? null : f.role,
    level: f.level.trim(),
    team_id: f.teamId,
    email: f.email.trim(),
    manager_id: f.managerId,
  };
}
