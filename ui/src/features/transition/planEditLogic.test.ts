import { describe, expect, it } from 'vitest';

import * as core from '../../test/core';
import {
  auditChoices,
  auditFeedMessage,
  auditLabel,
  budgetDraft,
  checkBudget,
  decisionLabel,
  DECISIONS,
  draftFromItem,
  editFromDraft,
  GAP_STATUS,
  gapsClosed,
  itemDraftProblems,
  itemSourceLabel,
  newItemDraft,
  phaseEnd,
  ratingText,
  sameBudget,
  structureSummary,
  wasGap,
  type ItemDraft,
} from './planEditLogic';

// Ada's plan with an item from each source: its gaps, the later audit's
// bottlenecks, her own item (with a note) and the day-90 checkpoint.
const mixed = core.planWithEverySource();
const fromGap = mixed.items.find((i) => i.source === 'gap' && i.level === 3)!;
const fromAudit = mixed.items.find((i) => i.source === 'audit' && i.stage === 'code_review')!;
const own = mixed.items.find((i) => i.source === 'own')!;
const checkpoint = mixed.items.find((i) => i.source === 'checkpoint')!;

const draft = (over: Partial<ItemDraft> = {}): ItemDraft => ({
  phase: 2,
  title: 'Delegate a bug',
  done_when: 'Merged',
  note: '',
  due_date: '2026-10-02',
  hours: '2',
  kind: 'agents',
  ...over,
});

describe('planEditLogic: items', () => {
  it('starts an edit from the item, with the hours as text', () => {
    expect(draftFromItem(own)).toEqual({
      phase: 3,
      title: 'Write a team charter',
      done_when: '',
      note: "Ask Grace for last year's",
      due_date: '2026-11-01',
      hours: '1',
      kind: 'hands_on',
    });
  });

  it('starts a new item in a phase due on the phase\'s last day', () => {
    const p = core.plan();
    expect(phaseEnd(p, 2)).toBe('2026-10-02');
    expect(phaseEnd(p, 4)).toBe('');
    expect(newItemDraft(p, 3)).toEqual({ phase: 3, title: '', done_when: '', note: '', due_date: '2026-11-01', hours: '1', kind: 'hands_on' });
  });

  it('says what keeps a draft from being saved', () => {
    expect(itemDraftProblems(draft())).toEqual([]);
    expect(itemDraftProblems(draft({ hours: '0' }))).toEqual([]);
    // More than 40 is the core's to refuse (it names the limit when saving).
    expect(itemDraftProblems(draft({ hours: '41' }))).toEqual([]);
    expect(itemDraftProblems(draft({ title: '  ', due_date: '  ', hours: 'x', phase: 4 }))).toEqual([
      'Give the item a title.',
      'Enter a due date (YYYY-MM-DD).',
      'Hours a week: a whole number.',
      'Choose a phase.',
    ]);
    // Whether a given date is one is the core's to say, when the item is saved.
    expect(itemDraftProblems(draft({ due_date: '2026-02-30' }))).toEqual([]);
    expect(itemDraftProblems(draft({ hours: '1.5' }))).toEqual(['Hours a week: a whole number.']);
    expect(itemDraftProblems(draft({ hours: '' }))).toEqual(['Hours a week: a whole number.']);
    expect(itemDraftProblems(draft({ hours: '-1' }))).toEqual(['Hours a week: a whole number.']);
  });

  it('sends the draft trimmed, with the hours as a number', () => {
    expect(editFromDraft(draft({ title: '  Delegate a bug ', done_when: ' Merged ', note: ' with Bo\n', due_date: ' 2026-10-02 ', hours: ' 7 ' }))).toEqual({
      phase: 2,
      title: 'Delegate a bug',
      done_when: 'Merged',
      note: 'with Bo',
      due_date: '2026-10-02',
      hours_per_week: 7,
      kind: 'agents',
    });
  });

  it('names where an item came from', () => {
    expect(itemSourceLabel(fromGap)).toBe('Delegating to people and agents → 3');
    expect(itemSourceLabel({ ...fromGap, level: null }), 'a gap item without a level').toBe('Delegating to people and agents');
    expect(itemSourceLabel(fromAudit)).toBe('Bottleneck: Code review');
    expect(itemSourceLabel({ ...fromAudit, skill_name: '' }), 'an audit item without its stage name').toBe('SDLC audit');
    expect(itemSourceLabel(own)).toBe('Own item');
    expect(itemSourceLabel(checkpoint)).toBeNull();
  });
});

describe('planEditLogic: weekly budget', () => {
  // A new plan's budget: 14, 10, 8, 5 and 3 hours.
  const budget = core.plan().budget;
  // The core's limit for a week, as it answers plan_limits.
  const weekMax = core.planLimits().week_hours_max;

  it('totals the five fields and gives the budget back', () => {
    const d = budgetDraft(budget);
    expect(d).toEqual({ hands_on: '14', agents: '10', reviews: '8', mentoring: '5', one_on_ones: '3' });
    expect(checkBudget(d, weekMax)).toEqual({ budget, total: 40, problems: [], over: false });
    expect(checkBudget({ ...d, hands_on: '52' }, weekMax)).toEqual({ budget: { ...budget, hands_on: 52 }, total: 78, problems: [], over: false });
  });

  it("flags a week over the core's limit but leaves the refusal to the host", () => {
    expect(weekMax).toBe(80);
    const check = checkBudget({ hands_on: '55', agents: '10', reviews: '8', mentoring: '5', one_on_ones: '3' }, weekMax);
    expect([check.total, check.over, check.problems]).toEqual([81, true, []]);
    expect(check.budget).toEqual({ ...budget, hands_on: 55 });
    expect(checkBudget({ hands_on: '80', agents: '0', reviews: '0', mentoring: '0', one_on_ones: '0' }, weekMax).over).toBe(false);
    expect(checkBudget({ hands_on: '81', agents: '0', reviews: '0', mentoring: '0', one_on_ones: '0' }, null).over, 'before the core has said its limit').toBe(false);
  });

  it('refuses fields that are not whole hours, naming them', () => {
    const check = checkBudget({ hands_on: '14', agents: '', reviews: '2.5', mentoring: 'x', one_on_ones: '3' }, weekMax);
    expect(check.budget).toBeNull();
    expect(check.total).toBe(17);
    expect(check.problems).toEqual([
      'Supervising AI agents: a whole number of hours.',
      'Reviews: a whole number of hours.',
      'Mentoring: a whole number of hours.',
    ]);
  });

  it('compares two budgets', () => {
    expect(sameBudget(budget, { ...budget })).toBe(true);
    expect(sameBudget(budget, { ...budget, one_on_ones: 4 })).toBe(false);
  });
});

describe('planEditLogic: checkpoint, gaps, structure, audits', () => {
  it('words the decisions, "not decided yet" last', () => {
    expect(DECISIONS.map((d) => d.value)).toEqual(['keep_going', 'adjust', 'go_back', '']);
    expect(decisionLabel('keep_going')).toBe('Keep going');
    expect(decisionLabel('go_back')).toBe('Go back');
    expect(decisionLabel(null)).toBe('Not decided yet');
  });

  it('counts, among the skills below target at the start, those closed now', () => {
    // Re-assessed: delegating closed, coaching narrowed, decomposing unchanged.
    const gaps = core.planReassessed().gaps;
    expect(gaps.filter(wasGap).map((g) => g.skill_key)).toEqual(['delegating-work', 'decomposing-work', 'coaching']);
    expect(gapsClosed(gaps)).toEqual({ closed: 1, of: 3 });
    expect(gapsClosed([])).toEqual({ closed: 0, of: 0 });
    const all = gaps.map((g) => (wasGap(g) ? { ...g, now: g.target, status: 'closed' as const } : g));
    expect(gapsClosed(all)).toEqual({ closed: 3, of: 3 });
  });

  it('gives every gap status its own words and a symbol', () => {
    const statuses = Object.values(GAP_STATUS);
    expect(statuses).toHaveLength(7);
    expect(new Set(statuses.map((s) => s.label)).size).toBe(7);
    expect(statuses.every((s) => s.symbol.length > 0)).toBe(true);
    expect(GAP_STATUS.closed).toMatchObject({ label: 'Closed', symbol: '✔' });
    expect(GAP_STATUS.widened).toMatchObject({ label: 'Widened', symbol: '↑' });
    expect(ratingText(null)).toBe('—');
    expect(ratingText(0)).toBe('0');
  });

  it('sums up a structure change', () => {
    const change = core.plan().structure_change!;
    expect(structureSummary(change)).toBe('4 people moved on 1 Aug 2026');
    expect(structureSummary({ ...change, moves: change.moves.slice(0, 1) })).toBe('1 person moved on 1 Aug 2026');
  });

  it('offers the person\'s audits, then every other audit once', () => {
    const mine = core.auditListAda();
    const all = core.auditListAll();
    const team = all.find((a) => a.scope.kind === 'team')!;
    const choices = auditChoices(mine, all);
    expect(choices.mine).toEqual(mine);
    expect(choices.others).toEqual([team]);
    expect(auditLabel(mine[1])).toBe('Ada Lovelace · 17 Aug 2026 · worst: Bug fixing');
    expect(auditLabel(team)).toBe('team Payments · 1 Jul 2026 · no bottleneck');
  });

  it('says what feeding an audit did', () => {
    expect(auditFeedMessage(2, 1)).toBe('Added 2 items (1 already in the plan)');
    expect(auditFeedMessage(1, 0)).toBe('Added 1 item (0 already in the plan)');
    expect(auditFeedMessage(0, 3)).toBe('Added 0 items (3 already in the plan)');
    expect(auditFeedMessage(0, 0)).toBe('Nothing to add: no stage of this audit slows the work down enough to be a bottleneck.');
  });
});
