import { describe, expect, it } from 'vitest';

import * as core from '../../test/core';
import { budgetParts, formatDay, isCheckpoint, itemsOfPhase, percent, planTotals, roleWords, skillProgress } from './planLogic';

// Ada's plan: delegating levels 3 and 4, coaching 2 and 3, decomposing 4, three
// items each, the first ticked and the rest of phase 1 overdue; the checkpoint last.
const plan = core.plan();
const progress = [
  { key: 'delegating-work', name: 'Delegating to people and agents', level: 4, done: 1, total: 6 },
  { key: 'coaching', name: 'Coaching and growing people', level: 3, done: 0, total: 6 },
  { key: 'decomposing-work', name: 'Breaking down big work', level: 4, done: 0, total: 3 },
];

describe('planLogic', () => {
  it('splits the weekly budget into shares of the bar, in the export\'s order', () => {
    const { parts, total } = budgetParts(plan.budget);
    expect(total).toBe(40);
    expect(parts.map((p) => p.kind)).toEqual(['hands_on', 'agents', 'reviews', 'mentoring', 'one_on_ones']);
    expect(parts.map((p) => p.percent)).toEqual([35, 25, 20, 12.5, 7.5]);
    expect(parts[1].label).toBe('Supervising AI agents');
    expect(budgetParts({ hands_on: 0, agents: 0, reviews: 0, mentoring: 0, one_on_ones: 0 }).parts.every((p) => p.percent === 0)).toBe(true);
  });

  it('counts progress per skill in the plan\'s order, without the checkpoint', () => {
    expect(skillProgress(plan.items)).toEqual(progress);
  });

  it('counts only items made from a gap toward a skill', () => {
    // The audit's bottlenecks and an own item fed in; and an own item that names a skill.
    const items = core.planWithEverySource().items;
    const own = items.find((i) => i.source === 'own')!;
    const naming = { ...own, id: own.id + 1, skill_key: 'coaching', skill_name: 'Coaching and growing people', level: 5 };
    expect(items.filter((i) => i.source === 'audit')).toHaveLength(3);
    expect(skillProgress([...items, naming])).toEqual(progress);
  });

  it('knows the checkpoint by its source', () => {
    const last = plan.items[plan.items.length - 1];
    expect(isCheckpoint({ ...last, source: 'own' })).toBe(false);
    expect(isCheckpoint({ ...last, skill_key: 'x' })).toBe(true);
    expect(plan.items.filter(isCheckpoint).map((i) => i.id)).toEqual([last.id]);
  });

  it('totals a plan and its phases', () => {
    expect(planTotals(plan)).toEqual({ done: 1, total: 16, overdue: 8 });
    // Phase 2: the seven items after the eight of phase 1 (pacing left its ninth for days 31–60).
    expect(itemsOfPhase(plan, 2).map((i) => i.id)).toEqual(plan.items.slice(8, 15).map((i) => i.id));
    expect(itemsOfPhase(plan, 2).every((i) => i.phase === 2)).toBe(true);
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
    expect(isCheckpoint(plan.items[0])).toBe(false);
  });

  it('writes dates and roles for people', () => {
    expect(formatDay('2026-08-03')).toBe('3 Aug 2026');
    expect(formatDay('soon')).toBe('soon');
    expect(roleWords('manager of 6')).toBe('Manager of 6');
    expect(roleWords('ic leader')).toBe('IC leader');
    expect(roleWords('ic_leader')).toBe('IC leader');
    expect(roleWords('ic')).toBe('IC');
    expect(roleWords('')).toBe('No role');
  });
});
