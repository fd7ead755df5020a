// Changing a plan on its page: items (edit, add, delete with undo), the
// weekly budget, the checkpoint decision, which gaps closed, and bottlenecks
// fed from an SDLC audit.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { Plan } from '../../lib/bindings/Plan';
import { auditSummary, plan, planItem } from '../../test/planFixtures';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return {
    ...real,
    planGet: vi.fn(),
    planItemCheck: vi.fn(),
    planItemUpdate: vi.fn(),
    planItemAdd: vi.fn(),
    planItemDelete: vi.fn(),
    planItemRestore: vi.fn(),
    planBudgetSet: vi.fn(),
    planCheckpointSet: vi.fn(),
    planAddAuditActions: vi.fn(),
    auditList: vi.fn(),
    workspaceInfo: vi.fn(),
  };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const skills = await import('../skills/skillsState');
const state = await import('./transitionState');
const { default: PlanPage } = await import('./PlanPage.svelte');
const { default: Toasts } = await import('../../lib/components/Toasts.svelte');

function item(id: number) {
  const found = screen.queryAllByTestId('plan-item').find((el) => el.getAttribute('data-item-id') === String(id));
  if (!found) throw new Error(`no item ${id} on the page`);
  return found;
}
const itemIds = () => screen.getAllByTestId('plan-item').map((el) => Number(el.getAttribute('data-item-id')));
const input = (testid: string) => screen.getByTestId(testid) as HTMLInputElement;

/**
 * Shows the plan page on `p`. After a change the page reloads the plan (the
 * revision is bumped): the host then answers with `after`, as it would.
 */
async function open(p: Plan = plan(), after?: Plan) {
  vi.mocked(api.planGet).mockResolvedValue(p);
  render(PlanPage, { planId: 7 });
  const page = await screen.findByTestId('plan-page');
  if (after) vi.mocked(api.planGet).mockResolvedValue(after);
  return page;
}

beforeEach(() => {
  state.resetTransitionState();
  skills.resetSkillsState();
  stores.toasts.set([]);
  stores.screen.set('transition');
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  for (const fn of [api.planGet, api.planItemCheck, api.planItemUpdate, api.planItemAdd, api.planItemDelete, api.planItemRestore, api.planBudgetSet, api.planCheckpointSet, api.planAddAuditActions]) {
    vi.mocked(fn).mockReset();
  }
  vi.mocked(api.auditList).mockReset().mockResolvedValue([]);
});

describe('plan items', () => {
  it('shows where each item came from, and its note', async () => {
    const p = plan();
    p.items = [
      ...p.items.slice(0, 4),
      planItem({ id: 46, phase: 2, source: 'audit', stage: 'code_review', audit_id: 31, skill_key: '', skill_name: 'Bottleneck: Code review', level: null, title: 'Code review: try "agents review first"' }),
      planItem({ id: 47, phase: 3, source: 'own', skill_key: '', skill_name: '', level: null, title: 'Write a team charter', note: 'Ask Grace for last year\'s' }),
      p.items[4],
    ];
    await open(p);
    const gap = within(item(42)).getByTestId('plan-item-skill');
    expect(gap.textContent).toMatch(/Coaching\s*→\s*to level\s*2/);
    expect(within(item(42)).queryByTestId('plan-item-source')).toBeNull();
    const audit = within(item(46)).getByTestId('plan-item-source');
    expect([audit.getAttribute('data-source'), audit.getAttribute('data-stage'), audit.textContent]).toEqual(['audit', 'code_review', 'Bottleneck: Code review']);
    const own = within(item(47)).getByTestId('plan-item-source');
    expect([own.getAttribute('data-source'), own.textContent]).toEqual(['own', 'Own item']);
    expect(item(47).getAttribute('data-source')).toBe('own');
    expect(within(item(47)).getByTestId('plan-item-note').textContent).toBe("Note Ask Grace for last year's");
    expect(within(item(41)).queryByTestId('plan-item-note')).toBeNull();
    // Neither builds a skill.
    expect(within(screen.getByTestId('plan-skill-progress')).getAllByTestId('plan-skill-row')).toHaveLength(2);
  });

  it('marks items for print with ☑ when done and ☐ when not', async () => {
    await open();
    expect(item(41).querySelector('.box')?.textContent).toBe('☑');
    expect(item(42).querySelector('.box')?.textContent).toBe('☐');
  });

  it('edits an item in a dialog and shows the plan the host answers with', async () => {
    const after = plan();
    after.items = after.items.map((i) => (i.id === 42 ? { ...i, phase: 2, title: 'Pair with two juniors', note: 'Start with Bo', hours_per_week: 3, kind: 'reviews' } : i));
    vi.mocked(api.planItemUpdate).mockResolvedValue(after);
    await open(plan(), after);
    await fireEvent.click(within(item(42)).getByTestId('plan-item-edit'));
    const dialog = screen.getByTestId('plan-item-dialog');
    expect(input('plan-item-form-title').value).toBe('Pair with a junior engineer');
    expect(document.activeElement).toBe(screen.getByTestId('plan-item-form-title'));
    expect((screen.getByTestId('plan-item-form-done-when') as HTMLTextAreaElement).value).toBe('They ran a review alone');
    expect(input('plan-item-form-due').value).toBe('2026-08-01');
    expect((screen.getByTestId('plan-item-form-phase') as HTMLSelectElement).value).toBe('1');
    expect(input('plan-item-form-hours').value).toBe('2');
    expect((screen.getByTestId('plan-item-form-kind') as HTMLSelectElement).value).toBe('mentoring');

    await fireEvent.input(screen.getByTestId('plan-item-form-title'), { target: { value: '  Pair with two juniors ' } });
    await fireEvent.input(screen.getByTestId('plan-item-form-note'), { target: { value: 'Start with Bo' } });
    await fireEvent.change(screen.getByTestId('plan-item-form-phase'), { target: { value: '2' } });
    await fireEvent.input(screen.getByTestId('plan-item-form-hours'), { target: { value: '3' } });
    await fireEvent.change(screen.getByTestId('plan-item-form-kind'), { target: { value: 'reviews' } });
    // An edited item keeps its due date when it changes phase.
    expect(input('plan-item-form-due').value).toBe('2026-08-01');
    await fireEvent.click(within(dialog).getByTestId('plan-item-form-save'));

    expect(api.planItemUpdate).toHaveBeenCalledWith(7, 42, {
      phase: 2,
      title: 'Pair with two juniors',
      done_when: 'They ran a review alone',
      note: 'Start with Bo',
      due_date: '2026-08-01',
      hours_per_week: 3,
      kind: 'reviews',
    });
    await waitFor(() => expect(screen.queryByTestId('plan-item-dialog')).toBeNull());
    expect(item(42).getAttribute('data-phase')).toBe('2');
    expect(within(item(42)).getByTestId('plan-item-note').textContent).toBe('Note Start with Bo');
    expect(get(stores.revision)).toBeGreaterThan(0);
  });

  it('says what is missing before saving, and shows the host\'s refusal in the dialog', async () => {
    vi.mocked(api.planItemUpdate).mockRejectedValue(new api.ApiError('invalid_input', 'the item was not saved: 41 hours a week is more than 40'));
    await open();
    await fireEvent.click(within(item(41)).getByTestId('plan-item-edit'));
    await fireEvent.input(screen.getByTestId('plan-item-form-title'), { target: { value: '   ' } });
    await fireEvent.input(screen.getByTestId('plan-item-form-hours'), { target: { value: '' } });
    await fireEvent.input(screen.getByTestId('plan-item-form-due'), { target: { value: '' } });
    await fireEvent.click(screen.getByTestId('plan-item-form-save'));
    expect(api.planItemUpdate).not.toHaveBeenCalled();
    expect([...screen.getByTestId('plan-item-form-problems').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Give the item a title.',
      'Enter a due date (YYYY-MM-DD).',
      'Hours a week: a whole number.',
    ]);
    expect(input('plan-item-form-title').getAttribute('aria-invalid')).toBe('true');

    await fireEvent.input(screen.getByTestId('plan-item-form-title'), { target: { value: 'Delegate a bug' } });
    // 41 is a whole number: the form sends it, and the core's limit comes back.
    await fireEvent.input(screen.getByTestId('plan-item-form-hours'), { target: { value: '41' } });
    await fireEvent.input(screen.getByTestId('plan-item-form-due'), { target: { value: '2026-09-01' } });
    expect(screen.queryByTestId('plan-item-form-problems')).toBeNull();
    await fireEvent.click(screen.getByTestId('plan-item-form-save'));
    expect(api.planItemUpdate).toHaveBeenCalledTimes(1);
    const alert = await within(screen.getByTestId('plan-item-dialog')).findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('invalid_input');
    expect(alert.textContent).toContain('41 hours a week is more than 40');
  });

  it('closes the dialog with Escape, changing nothing', async () => {
    await open();
    await fireEvent.click(within(item(41)).getByTestId('plan-item-edit'));
    expect(screen.getByTestId('plan-item-dialog')).toBeTruthy();
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('plan-item-dialog')).toBeNull();
    expect(api.planItemUpdate).not.toHaveBeenCalled();
  });

  it('does not ask for "done when" on the checkpoint', async () => {
    await open();
    await fireEvent.click(within(item(45)).getByTestId('plan-item-edit'));
    expect(screen.queryByTestId('plan-item-form-done-when')).toBeNull();
  });

  it('adds an item of one\'s own to a phase, due when the phase ends', async () => {
    const after = plan();
    after.items = [...after.items, planItem({ id: 48, phase: 3, source: 'own', skill_key: '', skill_name: '', level: null, title: 'Write a team charter', due_date: '2026-11-01' })];
    vi.mocked(api.planItemAdd).mockResolvedValue(after);
    await open(plan(), after);
    const adds = screen.getAllByTestId('plan-item-add');
    expect(adds.map((b) => b.getAttribute('data-phase'))).toEqual(['1', '2', '3']);
    await fireEvent.click(adds[1]);
    const dialog = screen.getByTestId('plan-item-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Add an item to phase 2');
    expect((screen.getByTestId('plan-item-form-phase') as HTMLSelectElement).value).toBe('2');
    expect(input('plan-item-form-due').value).toBe('2026-10-02');
    expect(input('plan-item-form-hours').value).toBe('1');
    expect((screen.getByTestId('plan-item-form-kind') as HTMLSelectElement).value).toBe('hands_on');
    // The due date follows the phase until a date is picked.
    await fireEvent.change(screen.getByTestId('plan-item-form-phase'), { target: { value: '3' } });
    expect(input('plan-item-form-due').value).toBe('2026-11-01');
    await fireEvent.input(screen.getByTestId('plan-item-form-title'), { target: { value: 'Write a team charter' } });
    await fireEvent.click(screen.getByTestId('plan-item-form-save'));
    expect(api.planItemAdd).toHaveBeenCalledWith(7, {
      phase: 3,
      title: 'Write a team charter',
      done_when: '',
      note: '',
      due_date: '2026-11-01',
      hours_per_week: 1,
      kind: 'hands_on',
    });
    await waitFor(() => expect(screen.queryByTestId('plan-item-dialog')).toBeNull());
    const phase3 = screen.getAllByTestId('plan-phase')[2];
    expect(within(phase3).getAllByTestId('plan-item').map((i) => i.getAttribute('data-item-id'))).toEqual(['45', '48']);
  });

  it('deletes an item at once and puts it back with Undo', async () => {
    const deleted = { undo_id: 3, plan_id: 7, position: 2, item: plan().items[2] };
    const without = plan();
    without.items = without.items.filter((i) => i.id !== 43);
    vi.mocked(api.planGet).mockResolvedValueOnce(plan()).mockResolvedValue(without);
    vi.mocked(api.planItemDelete).mockResolvedValue(deleted);
    vi.mocked(api.planItemRestore).mockResolvedValue(plan());
    render(Toasts);
    render(PlanPage, { planId: 7 });
    await screen.findByTestId('plan-page');
    expect(itemIds()).toEqual([41, 42, 43, 44, 45]);

    await fireEvent.click(within(item(43)).getByTestId('plan-item-delete'));
    expect(api.planItemDelete).toHaveBeenCalledWith(7, 43);
    await waitFor(() => expect(itemIds()).toEqual([41, 42, 44, 45]));
    const toast = await screen.findByTestId('plan-item-deleted-toast');
    expect(toast.textContent).toContain('Deleted “Split an epic for agents”.');

    vi.mocked(api.planGet).mockResolvedValue(plan());
    await fireEvent.click(within(toast).getByTestId('plan-item-undo'));
    expect(api.planItemRestore).toHaveBeenCalledWith(deleted);
    await waitFor(() => expect(itemIds()).toEqual([41, 42, 43, 44, 45]));
    expect(await screen.findByTestId('plan-item-restored-toast')).toBeTruthy();
  });

  it('says so when the undo of a delete is refused', async () => {
    vi.mocked(api.planItemDelete).mockResolvedValue({ undo_id: 4, plan_id: 7, position: 0, item: plan().items[0] });
    vi.mocked(api.planItemRestore).mockRejectedValue(new api.ApiError('conflict', 'the item "Delegate" is already in the plan'));
    render(Toasts);
    await open();
    await fireEvent.click(within(item(41)).getByTestId('plan-item-delete'));
    await fireEvent.click(within(await screen.findByTestId('plan-item-deleted-toast')).getByTestId('plan-item-undo'));
    const failed = await screen.findByTestId('error-toast');
    expect(failed.textContent).toContain('already in the plan');
  });

  it('keeps the item and says why when a delete fails', async () => {
    vi.mocked(api.planItemDelete).mockRejectedValue(new api.ApiError('not_found', 'plan 7 has no item 44'));
    await open();
    await fireEvent.click(within(item(44)).getByTestId('plan-item-delete'));
    const alert = await screen.findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('not_found');
    expect(itemIds()).toContain(44);
    expect(get(stores.toasts)).toHaveLength(0);
  });
});

describe('weekly budget', () => {
  it('edits the five numbers, totals them, and saves', async () => {
    const after = plan({ budget: { hands_on: 14, agents: 12, reviews: 8, mentoring: 5, one_on_ones: 3 } });
    vi.mocked(api.planBudgetSet).mockResolvedValue(after);
    await open(plan(), after);
    await fireEvent.click(screen.getByTestId('plan-budget-edit'));
    const fields = screen.getAllByTestId('plan-budget-input') as HTMLInputElement[];
    expect(fields.map((f) => [f.getAttribute('data-kind'), f.value])).toEqual([
      ['hands_on', '14'],
      ['agents', '10'],
      ['reviews', '8'],
      ['mentoring', '5'],
      ['one_on_ones', '3'],
    ]);
    expect(screen.getByLabelText('Supervising AI agents')).toBe(fields[1]);
    const save = screen.getByTestId('plan-budget-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true); // nothing changed yet
    await fireEvent.input(fields[1], { target: { value: '12' } });
    expect(screen.getByTestId('plan-budget-draft-total').getAttribute('data-value')).toBe('42');
    expect(screen.getByTestId('plan-budget-draft-total').textContent).toContain('42 h a week');
    await fireEvent.click(save);
    expect(api.planBudgetSet).toHaveBeenCalledWith(7, { hands_on: 14, agents: 12, reviews: 8, mentoring: 5, one_on_ones: 3 });
    await waitFor(() => expect(screen.queryByTestId('plan-budget-form')).toBeNull());
    expect(screen.getByTestId('plan-budget').getAttribute('data-total')).toBe('42');
  });

  it('shows the host\'s refusal of a week over 80 hours, and keeps the form', async () => {
    vi.mocked(api.planBudgetSet).mockRejectedValue(new api.ApiError('invalid_input', 'the budget adds up to 81 hours a week; keep it at 80 or less'));
    await open();
    await fireEvent.click(screen.getByTestId('plan-budget-edit'));
    const fields = screen.getAllByTestId('plan-budget-input');
    await fireEvent.input(fields[0], { target: { value: '55' } });
    expect(screen.getByTestId('plan-budget-draft-total').getAttribute('data-value')).toBe('81');
    expect(screen.getByTestId('plan-budget-over')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('plan-budget-save'));
    expect(api.planBudgetSet).toHaveBeenCalledWith(7, { hands_on: 55, agents: 10, reviews: 8, mentoring: 5, one_on_ones: 3 });
    const alert = await within(screen.getByTestId('plan-budget-form')).findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('invalid_input');
    expect(alert.textContent).toContain('keep it at 80 or less');
    expect(screen.getByTestId('plan-budget').getAttribute('data-total')).toBe('40');
  });

  it('does not save a field that is not a whole number of hours; Cancel leaves the budget as it was', async () => {
    await open();
    await fireEvent.click(screen.getByTestId('plan-budget-edit'));
    await fireEvent.input(screen.getAllByTestId('plan-budget-input')[2], { target: { value: '2.5' } });
    expect((screen.getByTestId('plan-budget-save') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('plan-budget-problems').textContent).toContain('Reviews: a whole number of hours from 0 to 80.');
    await fireEvent.click(screen.getByTestId('plan-budget-cancel'));
    expect(screen.queryByTestId('plan-budget-form')).toBeNull();
    expect(api.planBudgetSet).not.toHaveBeenCalled();
  });
});

describe('checkpoint', () => {
  it('records a decision and a note, and shows the decision saved', async () => {
    const after = plan({ checkpoint_decision: 'adjust', checkpoint_note: 'Less hands-on, more review' });
    vi.mocked(api.planCheckpointSet).mockResolvedValue(after);
    await open(plan(), after);
    const section = screen.getByTestId('plan-checkpoint');
    expect(section.getAttribute('data-decision')).toBe('');
    expect(screen.getByTestId('plan-checkpoint-saved').textContent?.trim()).toBe('Decision: Not decided yet');
    const choices = within(section).getAllByTestId('plan-checkpoint-choice') as HTMLInputElement[];
    expect(choices.map((c) => c.value)).toEqual(['keep_going', 'adjust', 'go_back', '']);
    expect(choices[3].checked).toBe(true);
    expect((screen.getByTestId('plan-checkpoint-save') as HTMLButtonElement).disabled).toBe(true);

    await fireEvent.click(choices[1]);
    await fireEvent.input(screen.getByTestId('plan-checkpoint-note'), { target: { value: 'Less hands-on, more review' } });
    await fireEvent.click(screen.getByTestId('plan-checkpoint-save'));
    expect(api.planCheckpointSet).toHaveBeenCalledWith(7, 'adjust', 'Less hands-on, more review');
    await waitFor(() => expect(screen.getByTestId('plan-checkpoint').getAttribute('data-decision')).toBe('adjust'));
    expect(screen.getByTestId('plan-checkpoint-saved').getAttribute('data-value')).toBe('adjust');
    expect(screen.getByTestId('plan-checkpoint-saved').textContent?.trim()).toBe('Decision: Adjust');
    expect(within(item(45)).getByTestId('plan-item-decision').textContent).toBe('Decision: Adjust');
    expect((screen.getByTestId('plan-checkpoint-save') as HTMLButtonElement).disabled).toBe(true);
    expect(get(stores.toasts).map((t) => t.testid)).toContain('plan-checkpoint-toast');
  });

  it('clears a decision with "Not decided yet"', async () => {
    vi.mocked(api.planCheckpointSet).mockResolvedValue(plan());
    await open(plan({ checkpoint_decision: 'go_back', checkpoint_note: 'Back to the team' }));
    const choices = screen.getAllByTestId('plan-checkpoint-choice') as HTMLInputElement[];
    expect(choices[2].checked).toBe(true);
    expect((screen.getByTestId('plan-checkpoint-note') as HTMLTextAreaElement).value).toBe('Back to the team');
    await fireEvent.click(choices[3]);
    await fireEvent.click(screen.getByTestId('plan-checkpoint-save'));
    expect(api.planCheckpointSet).toHaveBeenCalledWith(7, null, 'Back to the team');
  });

  it('shows the host\'s refusal beside the form', async () => {
    vi.mocked(api.planCheckpointSet).mockRejectedValue(new api.ApiError('not_found', 'no transition plan with id 7'));
    await open();
    await fireEvent.click(screen.getAllByTestId('plan-checkpoint-choice')[0]);
    await fireEvent.click(screen.getByTestId('plan-checkpoint-save'));
    const alert = await within(screen.getByTestId('plan-checkpoint')).findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('not_found');
  });
});

describe('which gaps closed', () => {
  it('lists every target skill with its rating at the start and now, and how the gap moved in words and a symbol', async () => {
    await open();
    const section = screen.getByTestId('plan-gaps');
    expect(screen.getByTestId('plan-gaps-baseline').textContent?.trim()).toBe('Checklist from the assessment of 20 Jul 2026');
    const rows = within(section).getAllByTestId('plan-gap-row');
    expect(rows.map((r) => [r.getAttribute('data-skill-key'), r.getAttribute('data-status')])).toEqual([
      ['delegating-work', 'closed'],
      ['coaching', 'narrowed'],
      ['decomposing-work', 'unchanged'],
      ['systems-thinking', 'widened'],
      ['feedback', 'met'],
      ['patience', 'open'],
      ['ownership', 'unrated'],
    ]);
    const statuses = rows.map((r) => within(r).getByTestId('plan-gap-status').textContent?.replace(/\s+/g, ' ').trim());
    expect(statuses).toEqual(['✔ Closed', '↓ Narrowed', '= Unchanged', '↑ Widened', '✓ Met from the start', '○ Open (not rated at the start)', '? Not rated now']);
    expect(within(rows[0]).getByTestId('plan-gap-start').textContent).toBe('2');
    expect(within(rows[0]).getByTestId('plan-gap-now').textContent).toBe('4');
    expect(within(rows[5]).getByTestId('plan-gap-start').textContent).toBe('—');
    expect(within(rows[6]).getByTestId('plan-gap-now').getAttribute('data-value')).toBe('');
  });

  it('without a newer assessment, points to the Skills screen to re-assess', async () => {
    await open();
    expect(screen.queryByTestId('plan-gaps-reassessed')).toBeNull();
    expect(screen.getByTestId('plan-gaps-hint').textContent).toContain('Not re-assessed since the plan was made');
    await fireEvent.click(screen.getByTestId('plan-gaps-reassess'));
    expect(get(stores.screen)).toBe('skills');
    expect(get(skills.skillsPerson)).toEqual({ id: 4, name: 'Ada Lovelace' });
    expect(get(skills.skillsView)).toBe('person');
    expect(get(skills.personTab)).toBe('assess');
  });

  it('after a re-assessment, counts the gaps of the start that closed', async () => {
    await open(plan({ reassessed_on: '2026-10-15' }));
    const section = screen.getByTestId('plan-gaps');
    // Below target at the start: delegating, coaching, decomposing, ownership; closed: delegating.
    expect([section.getAttribute('data-closed'), section.getAttribute('data-of')]).toEqual(['1', '4']);
    expect(screen.getByTestId('plan-gaps-reassessed').textContent?.replace(/\s+/g, ' ').trim()).toBe('Re-assessed on 15 Oct 2026: 1 of 4 gaps closed');
    expect(screen.queryByTestId('plan-gaps-hint')).toBeNull();
  });
});

describe('bottlenecks from an SDLC audit', () => {
  it('offers the person\'s audits first, then the others, and adds the chosen one\'s bottlenecks', async () => {
    const mine = auditSummary({ id: 31 });
    const team = auditSummary({ id: 32, scope: { kind: 'team', id: 2 }, scope_name: 'Payments', taken_on: '2026-07-01', worst: null });
    vi.mocked(api.auditList).mockImplementation(async (scope) => (scope === null ? [team, mine] : [mine]));
    const fed = plan();
    fed.items = [...fed.items, planItem({ id: 49, phase: 1, source: 'audit', stage: 'code_review', audit_id: 32, skill_key: '', skill_name: 'Bottleneck: Code review', level: null, title: 'Code review: find one change' })];
    vi.mocked(api.planAddAuditActions).mockResolvedValue({ plan: fed, added: 2, already_there: 1 });
    await open(plan(), fed);
    await waitFor(() => expect(screen.getByTestId('plan-audit-feed').getAttribute('data-count')).toBe('2'));
    expect(api.auditList).toHaveBeenCalledWith({ kind: 'person', id: 4 });
    expect(api.auditList).toHaveBeenCalledWith(null);
    const select = screen.getByTestId('plan-audit-select') as HTMLSelectElement;
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Audits of Ada Lovelace', 'Other audits']);
    expect([...select.options].map((o) => [o.value, o.text])).toEqual([
      ['31', 'Ada Lovelace · 10 Aug 2026 · worst: Code review'],
      ['32', 'Payments · 1 Jul 2026 · no bottleneck'],
    ]);
    expect(select.value).toBe('31');
    await fireEvent.change(select, { target: { value: '32' } });
    await fireEvent.click(screen.getByTestId('plan-audit-add'));
    expect(api.planAddAuditActions).toHaveBeenCalledWith(7, 32);
    await waitFor(() => expect(itemIds()).toContain(49));
    const toast = get(stores.toasts).find((t) => t.testid === 'plan-audit-toast');
    expect(toast?.message).toBe('Added 2 items (1 already in the plan)');
  });

  it('says how to take an audit when there is none', async () => {
    await open();
    const none = await screen.findByTestId('plan-audit-none');
    expect(screen.queryByTestId('plan-audit-select')).toBeNull();
    await fireEvent.click(within(none).getByTestId('plan-audit-open'));
    expect(get(stores.screen)).toBe('audit');
  });

  it('shows a refusal to add', async () => {
    vi.mocked(api.auditList).mockResolvedValue([auditSummary()]);
    vi.mocked(api.planAddAuditActions).mockRejectedValue(new api.ApiError('not_found', 'no SDLC audit with id 31'));
    await open();
    await fireEvent.click(await screen.findByTestId('plan-audit-add'));
    const alert = await within(screen.getByTestId('plan-audit-feed')).findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('not_found');
  });
});
