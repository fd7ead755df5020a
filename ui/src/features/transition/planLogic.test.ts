import { describe, expect, it } from 'vitest';

import { CHECKPOINT_TEXT, plan, planItem } from '../../test/planFixtures';
import { budgetParts, checkpointQuestions, formatDay, isCheckpoint, itemsOfPhase, percent, planTotals, roleWords, skillProgress } from './planLogic';

describe('planLogic', () => {
  it('splits the weekly budget into shares of the bar, in the export\'s order', () => {
    const { parts, total } = budgetParts({ hands_on: 14, agents: 10, reviews: 8, mentoring: 5, one_on_ones: 3 });
    expect(total).toBe(40);
    expect(parts.map((p) => p.kind)).toEqual(['hands_on', 'agents', 'reviews', 'mentoring', 'one_on_ones']);
    expect(parts.map((p) => p.percent)).toEqual([35, 25, 20, 12.5, 7.5]);
    expect(parts[1].label).toBe('Supervising AI agents');
    expect(budgetParts({ hands_on: 0, agents: 0, reviews: 0, mentoring: 0, one_on_ones: 0 }).parts.every((p) => p.percent === 0)).toBe(true);
  });

  it('counts progress per skill in the plan\'s order, without the checkpoint', () => {
    const rows = skillProgress(plan().items);
    expect(rows).toEqual([
      { key: 'delegating-work', name: 'Delegating to people and agents', level: 4, done: 1, total: 2 },
      { key: 'coaching', name: 'Coaching', level: 3, done: 0, total: 2 },
    ]);
  });

  it('counts only items made from a gap toward a skill', () => {
    const items = [
      ...plan().items,
      planItem({ id: 50, source: 'audit', skill_key: '', skill_name: 'Bottleneck: Code review', level: null, done_on: '2026-08-20' }),
      planItem({ id: 51, source: 'own', skill_key: '', skill_name: '', level: null }),
      planItem({ id: 52, source: 'own', skill_key: 'coaching', skill_name: 'Coaching', level: 5 }),
    ];
    expect(skillProgress(items)).toEqual([
      { key: 'delegating-work', name: 'Delegating to people and agents', level: 4, done: 1, total: 2 },
      { key: 'coaching', name: 'Coaching', level: 3, done: 0, total: 2 },
    ]);
  });

  it('knows the checkpoint by its source and splits its questions', () => {
    expect(isCheckpoint(planItem({ source: 'own', skill_key: '' }))).toBe(false);
    expect(isCheckpoint(planItem({ source: 'checkpoint', skill_key: 'x' }))).toBe(true);
    const items = plan().items;
    expect(items.filter(isCheckpoint).map((i) => i.id)).toEqual([45]);
    expect(checkpointQuestions(CHECKPOINT_TEXT)).toEqual([
      'Do I have more energy at the end of a week than I did as a manager?',
      'Which gaps closed, and which did not move?',
      'Would going back be a step toward something?',
    ]);
    expect(checkpointQuestions('Decide. Then talk?  And write it down')).toEqual(['Decide. Then talk?', 'And write it down']);
  });

  it('totals a plan and its phases', () => {
    const p = plan();
    expect(planTotals(p)).toEqual({ done: 1, total: 5, overdue: 1 });
    expect(itemsOfPhase(p, 2).map((i) => i.id)).toEqual([43, 44]);
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
    expect(isCheckpoint(planItem())).toBe(false);
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
