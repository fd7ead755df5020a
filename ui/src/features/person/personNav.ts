// Where a person's page leads: each function sets what the other screen
// opens on (their state stores) and shows that screen. The person is already
// the selected one, which Skills, Transition and SDLC audit start with.
import { get } from 'svelte/store';

import type { AuditScope } from '../../lib/bindings/AuditScope';
import { screen, selectedPerson, type Someone } from '../../lib/stores';
import { auditChoice, auditShown } from '../audit/auditState';
import { gapsProfileId, personTab, skillsFrameworkKey, skillsView } from '../skills/skillsState';
import { openWizard, showPlan } from '../transition/transitionState';

function select(person: Someone): void {
  if (get(selectedPerson)?.id !== person.id) selectedPerson.set({ id: person.id, name: person.name });
}

/** Skills → Person → Assess, for this person. */
export function goAssess(person: Someone): void {
  select(person);
  skillsView.set('person');
  personTab.set('assess');
  screen.set('skills');
}

/** Skills → Person → Gaps, on the framework and profile the page measured against. */
export function goGaps(person: Someone, frameworkKey: string | null, profileId: number | null): void {
  select(person);
  if (frameworkKey) skillsFrameworkKey.set(frameworkKey);
  if (profileId !== null) gapsProfileId.set(profileId);
  skillsView.set('person');
  personTab.set('gaps');
  screen.set('skills');
}

/** The "Start a transition" wizard, with this person chosen. */
export function goStartTransition(person: Someone): void {
  select(person);
  openWizard();
  screen.set('transition');
}

/** One of their plans on the plan page. */
export function goPlan(person: Someone, planId: number): void {
  showPlan({ id: person.id, name: person.name }, planId);
  screen.set('transition');
}

/**
 * The SDLC audit screen on an audit (`auditId`; null = the newest) of a
 * scope: the person's own work, or another person's or a team's whose stage
 * they own (looking at it does not change who is selected).
 */
export function goAudit(scope: AuditScope, scopeName: string, auditId: number | null): void {
  auditChoice.update((c) =>
    scope.kind === 'person'
      ? { ...c, kind: 'person', person: { id: scope.id, name: scopeName } }
      : { ...c, kind: 'team', teamId: scope.id },
  );
  auditShown.set(auditId);
  screen.set('audit');
}
