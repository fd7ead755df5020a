import { describe, expect, it } from 'vitest';

import * as core from '../../test/core';
import {
  choicesFor,
  destinations,
  directionOf,
  eachFromAll,
  formatDelta,
  formatMetric,
  hasPlanAssessment,
  impactRows,
  movesFor,
  movesUnder,
  nameList,
  profileForGoingBack,
  reportsProblem,
  stepLabel,
  wizardSteps,
  type ReportsChoice,
} from './wizardLogic';

const bo = { id: 5, name: 'Bo' };
const cy = { id: 6, name: 'Cy' };
const grace = { id: 9, name: 'Grace' };

describe('wizardLogic', () => {
  it('asks about reports only for someone who has some', () => {
    expect(wizardSteps(0)).toEqual(['person', 'confirm']);
    expect(wizardSteps(3)).toEqual(['person', 'reports', 'confirm']);
    expect(wizardSteps(0, 'to_ic')).toEqual(['person', 'confirm']);
  });

  it('takes the direction the host gave each of its plans from the profile', () => {
    const profiles = core.profileList();
    for (const plan of [core.plan(), core.planTechLead(), core.planKatherineToManager()]) {
      expect(directionOf(profiles.find((p) => p.id === plan.profile_id)!), plan.profile_name).toBe(plan.direction);
    }
  });

  it('takes the direction the profile says, whatever its name', () => {
    expect(directionOf({ direction: 'to_manager' })).toBe('to_manager');
    expect(directionOf({ direction: 'to_ic' })).toBe('to_ic');
    expect(directionOf(null)).toBe('to_ic');
  });

  it('back to managing, always asks who will report to them', () => {
    expect(wizardSteps(0, 'to_manager')).toEqual(['person', 'reports', 'confirm']);
    expect(wizardSteps(4, 'to_manager')).toEqual(['person', 'reports', 'confirm']);
    expect(stepLabel('reports', 'to_manager')).toBe('Who reports to them');
    expect(stepLabel('reports', 'to_ic')).toBe('Their reports');
    expect(stepLabel('person', 'to_manager')).toBe('Person and role');
  });

  it('moves everyone chosen under the person, once each, never the person', () => {
    expect(movesUnder(8, [bo, cy, bo, { id: 8, name: 'Linus' }])).toEqual([
      { person_id: 5, to_manager: 8 },
      { person_id: 6, to_manager: 8 },
    ]);
    expect(movesUnder(8, [])).toEqual([]);
  });

  it('lists names in words', () => {
    expect(nameList([])).toBe('');
    expect(nameList(['Bo'])).toBe('Bo');
    expect(nameList(['Bo', 'Cy'])).toBe('Bo and Cy');
    expect(nameList(['Bo', 'Cy', 'Di'])).toBe('Bo, Cy and Di');
    expect(nameList(['Bo', 'Cy', 'Di', 'Ed', 'Fi'])).toBe('Bo, Cy, Di and 2 more');
    expect(nameList(['Bo', 'Cy', 'Di', 'Ed'], 4)).toBe('Bo, Cy, Di and Ed');
  });

  it('moves every report to the one manager chosen for all', () => {
    const choice: ReportsChoice = { mode: 'all', allTo: grace, eachTo: { 5: 6 } };
    expect(movesFor([bo, cy], choice)).toEqual([
      { person_id: 5, to_manager: 9 },
      { person_id: 6, to_manager: 9 },
    ]);
    expect(movesFor([bo, cy], { ...choice, allTo: null })).toBeNull();
    expect(reportsProblem([bo, cy], { ...choice, allTo: null }, 'Ada')).toBe("Choose who Ada's reports will report to.");
    expect(reportsProblem([bo, cy], choice, 'Ada')).toBeNull();
  });

  it('moves each report to their own manager, and waits until everyone has one', () => {
    const choice: ReportsChoice = { mode: 'each', allTo: grace, eachTo: { 5: 9, 6: 5 } };
    expect(movesFor([bo, cy], choice)).toEqual([
      { person_id: 5, to_manager: 9 },
      { person_id: 6, to_manager: 5 },
    ]);
    const partial = { ...choice, eachTo: { 5: 9 } };
    expect(movesFor([bo, cy], partial)).toBeNull();
    expect(reportsProblem([bo, cy], partial, 'Ada')).toBe('Choose a new manager for Cy.');
    expect(reportsProblem([bo, cy], { ...choice, eachTo: {} }, 'Ada')).toBe('Choose a new manager for 2 more people.');
  });

  it('moves nobody when the reports stay', () => {
    const keep: ReportsChoice = { mode: 'keep', allTo: null, eachTo: {} };
    expect(movesFor([bo, cy], keep)).toEqual([]);
    expect(reportsProblem([bo, cy], keep, 'Ada')).toBeNull();
  });

  it('starts each report on the manager for all, keeping earlier picks and never the report themselves', () => {
    expect(eachFromAll([bo, cy], grace, { 6: 5 })).toEqual({ 5: 9, 6: 5 });
    expect(eachFromAll([bo, cy], null, {})).toEqual({});
    expect(eachFromAll([bo], bo, {})).toEqual({});
  });

  it('offers each report the candidates but themselves, once', () => {
    expect(choicesFor(5, [grace, bo, grace, cy]).map((c) => c.id)).toEqual([9, 6]);
  });

  it('groups the moves by receiving manager, biggest group first', () => {
    const names = new Map([
      [9, 'Grace'],
      [5, 'Bo'],
    ]);
    const moves = [
      { person_id: 6, to_manager: 5 },
      { person_id: 7, to_manager: 9 },
      { person_id: 8, to_manager: 9 },
      { person_id: 10, to_manager: null },
    ];
    expect(destinations(moves, names)).toEqual([
      { id: 9, name: 'Grace', count: 2 },
      { id: 5, name: 'Bo', count: 1 },
      { id: null, name: 'the top of the org', count: 1 },
    ]);
  });

  it('counts only self and manager assessments for a plan', () => {
    expect(hasPlanAssessment([])).toBe(false);
    const [byManager] = core.assessmentListAda();
    const byPeer = { ...byManager, assessor_role: 'peer' as const };
    expect(byManager.assessor_role).toBe('manager');
    expect(hasPlanAssessment([byPeer])).toBe(false);
    expect(hasPlanAssessment([byPeer, byManager])).toBe(true);
  });

  it('lays out the impact before and after, with the ratio and mean span to 2 decimals', () => {
    // Ada's four people move to Grace: 7 ICs to 3 managers becomes 8 to 2.
    const p = core.reorgPreviewAdaToIc();
    const rows = impactRows(p.before, p.after);
    expect(rows.map((r) => r.key)).toEqual(['headcount', 'managers', 'ics', 'ratio', 'layers', 'span-mean']);
    const ratio = rows.find((r) => r.key === 'ratio')!;
    expect([formatMetric(ratio.before, ratio.digits), formatMetric(ratio.after, ratio.digits)]).toEqual(['2.33', '4.00']);
    expect(formatDelta(ratio.before, ratio.after, ratio.digits)).toBe('+1.67');
    expect(formatDelta(8, 7, 0)).toBe('−1');
    expect(formatDelta(4, 4, 0)).toBe('no change');
    expect(formatDelta(null, 3, 2)).toBe('');
    expect(formatMetric(12345, 0)).toBe('12,345');
    expect(formatMetric(null, 2)).toBe('—');
  });
});

describe('profileForGoingBack', () => {
  const profiles = [
    { id: 1, key: 'engineering-manager', direction: 'to_manager' as const },
    { id: 2, key: 'tech-lead', direction: 'to_ic' as const },
    { id: 3, key: 'ic-leader', direction: 'to_ic' as const },
  ];
  it('offers a manager profile after a move to an IC role', () => {
    expect(profileForGoingBack('to_ic', profiles)).toBe(1);
  });
  it('offers the IC leader profile after a move to managing', () => {
    expect(profileForGoingBack('to_manager', profiles)).toBe(3);
    expect(profileForGoingBack('to_manager', profiles.slice(0, 2))).toBe(2);
  });
  it('offers nothing when no profile goes the other way', () => {
    expect(profileForGoingBack('to_ic', profiles.slice(1))).toBeNull();
  });
});
