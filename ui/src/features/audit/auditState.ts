// State of the SDLC audit screen that outlives its components (switching to
// another screen and back keeps the scope and the audit shown).
import { get, writable } from 'svelte/store';

import type { AuditScope } from '../../lib/bindings/AuditScope';
import { selectedPerson, workspaceSession } from '../../lib/stores';

export interface ScopeChoice {
  kind: 'person' | 'team';
  person: { id: number; name: string } | null;
  teamId: number | null;
}

export const auditChoice = writable<ScopeChoice>({ kind: 'person', person: null, teamId: null });
/** The audit shown; null = the newest of the scope. */
export const auditShown = writable<number | null>(null);

// The screen starts with the person chosen anywhere else (their page, Skills,
// Transition); choosing a person here sets it in turn (AuditScreen).
selectedPerson.subscribe((person) => {
  const choice = get(auditChoice);
  if (!person || (choice.kind === 'person' && choice.person?.id === person.id)) return;
  auditChoice.set({ ...choice, kind: 'person', person });
  auditShown.set(null);
});

export function scopeOf(choice: ScopeChoice): AuditScope | null {
  if (choice.kind === 'person') return choice.person ? { kind: 'person', id: choice.person.id } : null;
  return choice.teamId !== null ? { kind: 'team', id: choice.teamId } : null;
}

export function resetAuditState(): void {
  auditChoice.set({ kind: 'person', person: null, teamId: null });
  auditShown.set(null);
}

// Another workspace: nothing chosen in the old one applies.
let firstSession = true;
workspaceSession.subscribe(() => {
  if (firstSession) {
    firstSession = false;
    return;
  }
  resetAuditState();
});
