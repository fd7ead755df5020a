// Changing a plan on its page: items (edit, add, delete with undo), the
// weekly budget, the checkpoint decision, which gaps closed, and bottlenecks
// fed from an SDLC audit.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { Plan } from '../../lib/bindings/Plan';
import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return {
    ...real,
    planGet: vi.fn(),
    planItemsFilter: vi.fn(),
    // The core's limits, as plan_limits answers (the forms show them before saving).
    planLimits: vi.fn(async () => (await import('../../test/core')).planLimits()),
    planItemCheck: vi.fn(),
    planItemUpdate: vi.fn(),
    planItemAdd: vi.fn(),
    planItemDelete: vi.fn(),
    planItemRestore: vi.fn(),
    planBudgetSet: vi.fn(),
    planBudgetPreview: vi.fn(),
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

// Ada's move to IC leader, read on 2026-09-10: the first item ticked, the
// rest of phase 1 overdue, the day-90 checkpoint last.
const shown = core.plan();
const [done, late] = shown.items;
const checkpoint = shown.items.find((i) => i.source === 'checkpoint')!;

/**
 * Shows the plan page on `p`. After a change the page reloads the plan (the
 * revision is bumped): the host then answers with `after`, as it would.
 */
async function open(p: Plan = core.plan(), after?: Plan) {
  vi.mocked(api.planItemsFilter).mockReset().mockImplementation(core.planItemsFilterFor);
  vi.mocked(api.planGet).mockResolvedValue(p);
  render(PlanPage, { planId: p.id });
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
  vi.mocked(api.planBudgetPreview).mockReset().mockResolvedValue(core.planBudgetPreviewSmaller());
});

describe('plan items', () => {
  it('shows where each item came from, and its note', async () => {
    // The later audit's bottlenecks fed in, and an item of Ada's own with a note.
    const p = core.planWithEverySource();
    const fromAudit = p.items.find((i) => i.source === 'audit' && i.stage === 'code_review')!;
    const own = p.items.find((i) => i.source === 'own')!;
    await open(p);
    const gap = within(item(late.id)).getByTestId('plan-item-skill');
    expect(gap.textContent).toMatch(/Delegating to people and agents\s*→\s*to level\s*3/);
    expect(within(item(late.id)).queryByTestId('plan-item-source')).toBeNull();
    const audit = within(item(fromAudit.id)).getByTestId('plan-item-source');
    expect([audit.getAttribute('data-source'), audit.getAttribute('data-stage'), audit.textContent]).toEqual(['audit', 'code_review', 'Bottleneck: Code review']);
    const mine = within(item(own.id)).getByTestId('plan-item-source');
    expect([mine.getAttribute('data-source'), mine.textContent]).toEqual(['own', 'Own item']);
    expect(item(own.id).getAttribute('data-source')).toBe('own');
    expect(within(item(own.id)).getByTestId('plan-item-note').textContent).toBe("Note Ask Grace for last year's");
    expect(within(item(done.id)).queryByTestId('plan-item-note')).toBeNull();
    // Neither builds a skill: the rows are the three skills of the gaps.
    expect(within(screen.getByTestId('plan-skill-progress')).getAllByTestId('plan-skill-row')).toHaveLength(3);
  });

  it('marks items for print with ☑ when done and ☐ when not', async () => {
    await open();
    expect(item(done.id).querySelector('.box')?.textContent).toBe('☑');
    expect(item(late.id).querySelector('.box')?.textContent).toBe('☐');
  });

  it('edits an item in a dialog and shows the plan the host answers with', async () => {
    // The host's answer to this very edit.
    const after = core.planItemUpdated();
    vi.mocked(api.planItemUpdate).mockResolvedValue(after);
    await open(core.plan(), after);
    await fireEvent.click(within(item(late.id)).getByTestId('plan-item-edit'));
    const dialog = screen.getByTestId('plan-item-dialog');
    expect(input('plan-item-form-title').value).toBe(late.title);
    expect(document.activeElement).toBe(screen.getByTestId('plan-item-form-title'));
    expect((screen.getByTestId('plan-item-form-done-when') as HTMLTextAreaElement).value).toBe(late.done_when);
    expect(input('plan-item-form-due').value).toBe('2026-08-10');
    expect((screen.getByTestId('plan-item-form-phase') as HTMLSelectElement).value).toBe('1');
    expect(input('plan-item-form-hours').value).toBe('2');
    expect((screen.getByTestId('plan-item-form-kind') as HTMLSelectElement).value).toBe('reviews');

    await fireEvent.input(screen.getByTestId('plan-item-form-title'), { target: { value: '  Pair with two juniors ' } });
    await fireEvent.input(screen.getByTestId('plan-item-form-note'), { target: { value: 'Start with Bo' } });
    await fireEvent.change(screen.getByTestId('plan-item-form-phase'), { target: { value: '2' } });
    await fireEvent.input(screen.getByTestId('plan-item-form-hours'), { target: { value: '3' } });
    await fireEvent.change(screen.getByTestId('plan-item-form-kind'), { target: { value: 'mentoring' } });
    // An edited item keeps its due date when it changes phase.
    expect(input('plan-item-form-due').value).toBe('2026-08-10');
    await fireEvent.click(within(dialog).getByTestId('plan-item-form-save'));

    expect(api.planItemUpdate).toHaveBeenCalledWith(shown.id, late.id, {
      phase: 2,
      title: 'Pair with two juniors',
      done_when: late.done_when,
      note: 'Start with Bo',
      due_date: '2026-08-10',
      hours_per_week: 3,
      kind: 'mentoring',
    });
    await waitFor(() => expect(screen.queryByTestId('plan-item-dialog')).toBeNull());
    expect(item(late.id).getAttribute('data-phase')).toBe('2');
    expect(within(item(late.id)).getByTestId('plan-item-note').textContent).toBe('Note Start with Bo');
    expect(get(stores.revision)).toBeGreaterThan(0);
  });

  it('says what is missing before saving, and shows the host\'s refusal in the dialog', async () => {
    vi.mocked(api.planItemUpdate).mockRejectedValue(new api.ApiError('invalid_input', 'the item was not saved: 41 hours a week is more than 40'));
    await open();
    await fireEvent.click(within(item(done.id)).getByTestId('plan-item-edit'));
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
    await fireEvent.click(within(item(done.id)).getByTestId('plan-item-edit'));
    expect(screen.getByTestId('plan-item-dialog')).toBeTruthy();
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('plan-item-dialog')).toBeNull();
    expect(api.planItemUpdate).not.toHaveBeenCalled();
  });

  it('does not ask for "done when" on the checkpoint', async () => {
    await open();
    await fireEvent.click(within(item(checkpoint.id)).getByTestId('plan-item-edit'));
    expect(screen.queryByTestId('plan-item-form-done-when')).toBeNull();
  });

  it('adds an item of one\'s own to a phase, due when the phase ends', async () => {
    const after = core.planItemAdded();
    const added = after.items.find((i) => i.source === 'own')!;
    vi.mocked(api.planItemAdd).mockResolvedValue(after);
    await open(core.plan(), after);
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
    expect(api.planItemAdd).toHaveBeenCalledWith(shown.id, {
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
    expect(within(phase3).getAllByTestId('plan-item').map((i) => i.getAttribute('data-item-id'))).toEqual([String(checkpoint.id), String(added.id)]);
  });

  it('deletes an item at once and puts it back with Undo', async () => {
    // The host's answers: the third item deleted, then the plan without it.
    const deleted = core.planItemDeleted();
    const all = shown.items.map((i) => i.id);
    vi.mocked(api.planGet).mockResolvedValueOnce(core.plan()).mockResolvedValue(core.planWithoutItem());
    vi.mocked(api.planItemDelete).mockResolvedValue(deleted);
    vi.mocked(api.planItemRestore).mockResolvedValue(core.plan());
    render(Toasts);
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    expect(itemIds()).toEqual(all);

    await fireEvent.click(within(item(deleted.item.id)).getByTestId('plan-item-delete'));
    expect(api.planItemDelete).toHaveBeenCalledWith(shown.id, deleted.item.id);
    await waitFor(() => expect(itemIds()).toEqual(all.filter((id) => id !== deleted.item.id)));
    const toast = await screen.findByTestId('plan-item-deleted-toast');
    expect(toast.textContent).toContain(`Deleted “${deleted.item.title}”.`);

    vi.mocked(api.planGet).mockResolvedValue(core.plan());
    await fireEvent.click(within(toast).getByTestId('plan-item-undo'));
    expect(api.planItemRestore).toHaveBeenCalledWith(deleted);
    await waitFor(() => expect(itemIds()).toEqual(all));
    expect(await screen.findByTestId('plan-item-restored-toast')).toBeTruthy();
  });

  it('says so when the undo of a delete is refused', async () => {
    const deleted = core.planItemDeleted();
    vi.mocked(api.planItemDelete).mockResolvedValue(deleted);
    vi.mocked(api.planItemRestore).mockRejectedValue(new api.ApiError('conflict', 'the item is already in the plan'));
    render(Toasts);
    await open();
    await fireEvent.click(within(item(deleted.item.id)).getByTestId('plan-item-delete'));
    await fireEvent.click(within(await screen.findByTestId('plan-item-deleted-toast')).getByTestId('plan-item-undo'));
    const failed = await screen.findByTestId('error-toast');
    expect(failed.textContent).toContain('already in the plan');
  });

  it('keeps the item and says why when a delete fails', async () => {
    vi.mocked(api.planItemDelete).mockRejectedValue(new api.ApiError('not_found', `plan ${shown.id} has no item ${late.id}`));
    await open();
    await fireEvent.click(within(item(late.id)).getByTestId('plan-item-delete'));
    const alert = await screen.findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('not_found');
    expect(itemIds()).toContain(late.id);
    expect(get(stores.toasts)).toHaveLength(0);
  });
});

describe('weekly budget', () => {
  it('edits the five numbers, totals them, and saves', async () => {
    const after = core.planBudgetSet();
    vi.mocked(api.planBudgetSet).mockResolvedValue(after);
    await open(core.plan(), after);
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
    expect(api.planBudgetSet).toHaveBeenCalledWith(shown.id, { hands_on: 14, agents: 12, reviews: 8, mentoring: 5, one_on_ones: 3 });
    await waitFor(() => expect(screen.queryByTestId('plan-budget-form')).toBeNull());
    expect(screen.getByTestId('plan-budget').getAttribute('data-total')).toBe('42');
  });

  it('previews how saving re-paces the items not done yet', async () => {
    const pace = core.planBudgetPreviewSmaller();
    // Counted here from the preview's items: those whose due date changes.
    const moved = pace.items.filter((i) => i.due_before !== null && i.due_before !== i.due_date).length;
    expect(moved).toBeGreaterThan(0);
    await open();
    await fireEvent.click(screen.getByTestId('plan-budget-edit'));
    const fields = screen.getAllByTestId('plan-budget-input');
    await fireEvent.input(fields[0], { target: { value: '4' } });
    const preview = await screen.findByTestId('plan-budget-preview', {}, { timeout: 2000 });
    expect(api.planBudgetPreview).toHaveBeenCalledWith(shown.id, { hands_on: 4, agents: 10, reviews: 8, mentoring: 5, one_on_ones: 3 });
    expect(preview.getAttribute('data-moved')).toBe(String(moved));
    expect(screen.getByTestId('plan-budget-moved').textContent).toBe(`${moved} items get a new due date`);
    expect(screen.getByTestId('plan-budget-pace').getAttribute('data-fits')).toBe(String(pace.fits));
    expect(screen.getByTestId('plan-budget-save').textContent).toContain('Save and re-pace');
  });

  it('shows the host\'s refusal of a week over 80 hours, and keeps the form', async () => {
    const refusal = new api.ApiError('invalid_input', 'the budget adds up to 81 hours a week; keep it at 80 or less');
    vi.mocked(api.planBudgetSet).mockRejectedValue(refusal);
    vi.mocked(api.planBudgetPreview).mockRejectedValue(refusal);
    await open();
    await fireEvent.click(screen.getByTestId('plan-budget-edit'));
    const fields = screen.getAllByTestId('plan-budget-input');
    await fireEvent.input(fields[0], { target: { value: '55' } });
    expect(screen.getByTestId('plan-budget-draft-total').getAttribute('data-value')).toBe('81');
    expect(screen.getByTestId('plan-budget-over')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('plan-budget-save'));
    expect(api.planBudgetSet).toHaveBeenCalledWith(shown.id, { hands_on: 55, agents: 10, reviews: 8, mentoring: 5, one_on_ones: 3 });
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
    expect(screen.getByTestId('plan-budget-problems').textContent).toContain('Reviews: a whole number of hours.');
    await fireEvent.click(screen.getByTestId('plan-budget-cancel'));
    expect(screen.queryByTestId('plan-budget-form')).toBeNull();
    expect(api.planBudgetSet).not.toHaveBeenCalled();
  });
});

describe('checkpoint', () => {
  it('records a decision and a note, and shows the decision saved', async () => {
    const after = core.planCheckpointAdjust();
    vi.mocked(api.planCheckpointSet).mockResolvedValue(after);
    await open(core.plan(), after);
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
    expect(api.planCheckpointSet).toHaveBeenCalledWith(shown.id, 'adjust', 'Less hands-on, more review');
    await waitFor(() => expect(screen.getByTestId('plan-checkpoint').getAttribute('data-decision')).toBe('adjust'));
    expect(screen.getByTestId('plan-checkpoint-saved').getAttribute('data-value')).toBe('adjust');
    expect(screen.getByTestId('plan-checkpoint-saved').textContent?.trim()).toBe('Decision: Adjust');
    expect(within(item(checkpoint.id)).getByTestId('plan-item-decision').textContent).toBe('Decision: Adjust');
    expect((screen.getByTestId('plan-checkpoint-save') as HTMLButtonElement).disabled).toBe(true);
    expect(get(stores.toasts).map((t) => t.testid)).toContain('plan-checkpoint-toast');
  });

  it('clears a decision with "Not decided yet"', async () => {
    vi.mocked(api.planCheckpointSet).mockResolvedValue(core.plan());
    await open(core.planCheckpointGoBack());
    const choices = screen.getAllByTestId('plan-checkpoint-choice') as HTMLInputElement[];
    expect(choices[2].checked).toBe(true);
    expect((screen.getByTestId('plan-checkpoint-note') as HTMLTextAreaElement).value).toBe('Back to the team');
    await fireEvent.click(choices[3]);
    await fireEvent.click(screen.getByTestId('plan-checkpoint-save'));
    expect(api.planCheckpointSet).toHaveBeenCalledWith(shown.id, null, 'Back to the team');
  });

  it('shows the host\'s refusal beside the form', async () => {
    vi.mocked(api.planCheckpointSet).mockRejectedValue(new api.ApiError('not_found', `no transition plan with id ${shown.id}`));
    await open();
    await fireEvent.click(screen.getAllByTestId('plan-checkpoint-choice')[0]);
    await fireEvent.click(screen.getByTestId('plan-checkpoint-save'));
    const alert = await within(screen.getByTestId('plan-checkpoint')).findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('not_found');
  });
});

describe('which gaps closed', () => {
  it('lists every target skill with its rating at the start and now, and how the gap moved in words and a symbol', async () => {
    // Re-assessed on 2026-09-09: one skill of each status (see the fixture's seed).
    const reassessed = core.planReassessed();
    await open(reassessed);
    const section = screen.getByTestId('plan-gaps');
    expect(screen.getByTestId('plan-gaps-baseline').textContent?.trim()).toBe('Checklist from the assessment of 20 Jul 2026');
    const rows = within(section).getAllByTestId('plan-gap-row');
    expect(rows.map((r) => r.getAttribute('data-skill-key'))).toEqual(reassessed.gaps.map((g) => g.skill_key));
    const row = (key: string) => rows.find((r) => r.getAttribute('data-skill-key') === key)!;
    const shownStatus = (key: string) => [
      row(key).getAttribute('data-status'),
      within(row(key)).getByTestId('plan-gap-status').textContent?.replace(/\s+/g, ' ').trim(),
    ];
    expect(
      ['delegating-work', 'coaching', 'decomposing-work', 'systems-thinking', 'giving-feedback', 'patience-and-perseverance', 'technical-judgment'].map(shownStatus),
    ).toEqual([
      ['closed', '✔ Closed'],
      ['narrowed', '↓ Narrowed'],
      ['unchanged', '= Unchanged'],
      ['widened', '↑ Widened'],
      ['met', '✓ Met from the start'],
      ['open', '○ Open (not rated at the start)'],
      ['unrated', '? Not rated now'],
    ]);
    expect(within(row('delegating-work')).getByTestId('plan-gap-start').textContent).toBe('2');
    expect(within(row('delegating-work')).getByTestId('plan-gap-now').textContent).toBe('4');
    expect(within(row('patience-and-perseverance')).getByTestId('plan-gap-start').textContent).toBe('—');
    expect(within(row('technical-judgment')).getByTestId('plan-gap-now').getAttribute('data-value')).toBe('');
  });

  it('without a newer assessment, points to the Skills screen to re-assess', async () => {
    await open();
    expect(screen.queryByTestId('plan-gaps-reassessed')).toBeNull();
    expect(screen.getByTestId('plan-gaps-hint').textContent).toContain('Not re-assessed since the plan was made');
    await fireEvent.click(screen.getByTestId('plan-gaps-reassess'));
    expect(get(stores.screen)).toBe('skills');
    expect(get(skills.skillsPerson)).toEqual({ id: shown.person_id, name: 'Ada Lovelace' });
    expect(get(skills.skillsView)).toBe('person');
    expect(get(skills.personTab)).toBe('assess');
  });

  it('after a re-assessment, counts the gaps of the start that closed', async () => {
    await open(core.planReassessed());
    const section = screen.getByTestId('plan-gaps');
    // Below target at the start: delegating, decomposing and coaching; closed since: delegating.
    expect([section.getAttribute('data-closed'), section.getAttribute('data-of')]).toEqual(['1', '3']);
    expect(screen.getByTestId('plan-gaps-reassessed').textContent?.replace(/\s+/g, ' ').trim()).toMatch(/^Re-assessed on 9 Sept? 2026: 1 of 3 gaps closed$/);
    expect(screen.queryByTestId('plan-gaps-hint')).toBeNull();
  });
});

describe('bottlenecks from an SDLC audit', () => {
  it('offers the person\'s audits first, then the others, and adds the chosen one\'s bottlenecks', async () => {
    // Ada's two audits, and the Payments team's with no bottleneck.
    vi.mocked(api.auditList).mockImplementation(async (scope) => (scope === null ? core.auditListAll() : core.auditListAda()));
    const [later, earlier] = core.auditListAda();
    const feed = core.planAuditFeed();
    const fed = feed.plan.items.filter((i) => i.source === 'audit').map((i) => i.id);
    vi.mocked(api.planAddAuditActions).mockResolvedValue(feed);
    await open(core.plan(), feed.plan);
    await waitFor(() => expect(screen.getByTestId('plan-audit-feed').getAttribute('data-count')).toBe('3'));
    expect(api.auditList).toHaveBeenCalledWith({ kind: 'person', id: shown.person_id });
    expect(api.auditList).toHaveBeenCalledWith(null);
    const select = screen.getByTestId('plan-audit-select') as HTMLSelectElement;
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Audits of Ada Lovelace', 'Other audits']);
    expect([...select.options].map((o) => o.text.replace('Sept', 'Sep'))).toEqual([
      'Ada Lovelace · 7 Sep 2026 · worst: Code review',
      'Ada Lovelace · 17 Aug 2026 · worst: Bug fixing',
      'team Payments · 1 Jul 2026 · no bottleneck',
    ]);
    expect(select.value).toBe(String(later.id));
    await fireEvent.change(select, { target: { value: String(earlier.id) } });
    await fireEvent.change(select, { target: { value: String(later.id) } });
    await fireEvent.click(screen.getByTestId('plan-audit-add'));
    expect(api.planAddAuditActions).toHaveBeenCalledWith(shown.id, later.id);
    await waitFor(() => expect(itemIds()).toEqual(expect.arrayContaining(fed)));
    const toast = get(stores.toasts).find((t) => t.testid === 'plan-audit-toast');
    expect(toast?.message).toBe('Added 3 items (0 already in the plan)');
  });

  it('says how to take an audit when there is none', async () => {
    await open();
    const none = await screen.findByTestId('plan-audit-none');
    expect(screen.queryByTestId('plan-audit-select')).toBeNull();
    await fireEvent.click(within(none).getByTestId('plan-audit-open'));
    expect(get(stores.screen)).toBe('audit');
  });

  it('shows a refusal to add', async () => {
    vi.mocked(api.auditList).mockResolvedValue(core.auditListAda());
    vi.mocked(api.planAddAuditActions).mockRejectedValue(new api.ApiError('not_found', 'no SDLC audit with id 3'));
    await open();
    await fireEvent.click(await screen.findByTestId('plan-audit-add'));
    const alert = await within(screen.getByTestId('plan-audit-feed')).findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('not_found');
  });
});
