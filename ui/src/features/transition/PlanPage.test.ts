import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return {
    ...real,
    planGet: vi.fn(),
    planItemsFilter: vi.fn(),
    planItemCheck: vi.fn(),
    planMarkdownCopy: vi.fn(),
    planMarkdownSave: vi.fn(),
    reorgUndo: vi.fn(),
    auditList: vi.fn(),
    workspaceInfo: vi.fn(),
  };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const state = await import('./transitionState');
const { default: PlanPage } = await import('./PlanPage.svelte');

// Ada's move to IC leader, read on 2026-09-10: phase 1 is over, one of its
// items was ticked and the rest are overdue; her four people moved to Grace.
const shown = core.plan();
const done = shown.items.find((i) => i.done_on !== null)!;
const late = shown.items.find((i) => i.overdue)!;
const checkpoint = shown.items.find((i) => i.source === 'checkpoint')!;

function item(id: number) {
  return screen.getAllByTestId('plan-item').find((el) => el.getAttribute('data-item-id') === String(id))!;
}

beforeEach(() => {
  state.resetTransitionState();
  stores.toasts.set([]);
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.planItemsFilter).mockReset().mockImplementation(core.planItemsFilterFor);
  vi.mocked(api.planGet).mockReset().mockResolvedValue(core.plan());
  vi.mocked(api.planItemCheck).mockReset();
  vi.mocked(api.planMarkdownCopy).mockReset();
  vi.mocked(api.planMarkdownSave).mockReset();
  vi.mocked(api.reorgUndo).mockReset();
  vi.mocked(api.auditList).mockReset().mockResolvedValue([]);
});

describe('PlanPage', () => {
  it('shows who moves from what to what, the budget, the phases and their items', async () => {
    render(PlanPage, { planId: shown.id });
    const page = await screen.findByTestId('plan-page');
    expect(api.planGet).toHaveBeenCalledWith(shown.id);
    expect(within(page).getByTestId('plan-person').textContent).toBe('Ada Lovelace');
    expect(screen.getByTestId('plan-from').textContent).toBe('Manager of 4');
    expect(screen.getByTestId('plan-profile').textContent).toBe('IC leader');
    expect(screen.getByTestId('plan-start').getAttribute('data-value')).toBe('2026-08-03');
    expect(screen.getByTestId('plan-start').textContent).toBe('3 Aug 2026');

    const budget = screen.getByTestId('plan-budget');
    expect(budget.getAttribute('data-total')).toBe('40');
    expect(within(budget).getAllByTestId('plan-budget-kind').map((k) => [k.getAttribute('data-kind'), k.getAttribute('data-value')])).toEqual([
      ['hands_on', '14'],
      ['agents', '10'],
      ['reviews', '8'],
      ['mentoring', '5'],
      ['one_on_ones', '3'],
    ]);
    expect(budget.textContent).toContain('Supervising AI agents');

    const phases = screen.getAllByTestId('plan-phase');
    expect(phases.map((p) => p.getAttribute('data-phase'))).toEqual(['1', '2', '3']);
    const progress = within(phases[0]).getByTestId('plan-phase-progress');
    // Paced: 16 items over 12 weeks take at most two a week, so days 1–30 hold 8 of their 9.
    expect([progress.getAttribute('data-done'), progress.getAttribute('data-total')]).toEqual(['1', '8']);
    expect(progress.getAttribute('aria-valuenow')).toBe('1');
    expect(within(phases[0]).getAllByTestId('plan-item').map((i) => i.getAttribute('data-item-id'))).toEqual(
      shown.items.filter((i) => i.phase === 1).map((i) => String(i.id)),
    );
    expect(within(phases[2]).getByTestId('plan-phase-end').getAttribute('data-value')).toBe('2026-11-01');
  });

  it('marks done and overdue items, and shows the skill, level and done-when of each', async () => {
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    const ticked = item(done.id);
    expect([ticked.getAttribute('data-done'), ticked.getAttribute('data-overdue')]).toEqual(['true', 'false']);
    expect((within(ticked).getByTestId('plan-item-check') as HTMLInputElement).checked).toBe(true);
    const overdue = item(late.id);
    expect([overdue.getAttribute('data-done'), overdue.getAttribute('data-overdue'), overdue.getAttribute('data-phase')]).toEqual(['false', 'true', '1']);
    expect(overdue.classList.contains('overdue')).toBe(true);
    // The second item of days 1–30, due with the first at the end of week 1 (3 Aug + 7 days).
    expect(within(overdue).getByTestId('plan-item-due').textContent).toMatch(/Overdue.*10 Aug 2026/);
    const chip = within(overdue).getByTestId('plan-item-skill');
    expect([chip.getAttribute('data-skill-key'), chip.getAttribute('data-level')]).toEqual(['delegating-work', '3']);
    expect(chip.textContent).toMatch(/Delegating to people and agents.*3/);
    expect(overdue.textContent).toContain(`Done when ${late.done_when}`);
    // Every item of phase 1 but the ticked one (7), and the one pacing moved to days 31–60, due 9 Sept.
    expect(screen.getByTestId('plan-overdue').getAttribute('data-value')).toBe('8');
  });

  it('filters the items by status and by skill with the core\'s counts; the overdue count shows the overdue ones', async () => {
    const all = core.planItemsFilterAll();
    const overdue = core.planItemsFilterOverdue();
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-filters');
    const chip = (status: string) => screen.getAllByTestId('plan-filter').find((c) => c.getAttribute('data-status') === status)!;
    expect(screen.getAllByTestId('plan-filter').map((c) => [c.getAttribute('data-status'), c.getAttribute('data-count')])).toEqual([
      ['all', String(all.counts.all)],
      ['open', String(all.counts.open)],
      ['overdue', String(all.counts.overdue)],
      ['due_this_week', String(all.counts.due_this_week)],
      ['done', String(all.counts.done)],
    ]);
    expect(chip('all').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getAllByTestId('plan-item')).toHaveLength(shown.items.length);
    // The plan's own overdue marks agree with the core's count.
    expect(shown.items.filter((i) => i.overdue)).toHaveLength(all.counts.overdue);

    await fireEvent.click(screen.getByTestId('plan-overdue'));
    expect(api.planItemsFilter).toHaveBeenLastCalledWith(shown.id, { status: 'overdue', skill_key: null });
    await waitFor(() => expect(screen.getAllByTestId('plan-item').map((el) => Number(el.getAttribute('data-item-id')))).toEqual(overdue.item_ids));
    expect(chip('overdue').getAttribute('aria-pressed')).toBe('true');
    // Phase 3 has items, none overdue yet.
    expect(screen.getAllByTestId('plan-phase-none-match').length).toBeGreaterThan(0);

    const skill = screen.getByTestId('plan-filter-skill') as HTMLSelectElement;
    expect([...skill.options].map((o) => o.text)).toEqual([
      'Every skill',
      ...overdue.skills.map((s) => `${s.skill_key === '' ? 'Not from a skill gap' : s.skill_name} (${s.count})`),
    ]);
    await fireEvent.click(chip('all'));
    await waitFor(() => expect(screen.getAllByTestId('plan-item')).toHaveLength(shown.items.length));
  });

  it('says when the person still manages people after a move to an IC role, and leads to them in the org chart', async () => {
    vi.mocked(api.planGet).mockResolvedValue({ ...core.plan(), still_manages: 4 });
    render(PlanPage, { planId: shown.id });
    const note = await screen.findByTestId('plan-still-manages');
    expect(note.textContent).toContain('Ada Lovelace still manages 4 people.');
    expect(note.textContent).toContain('role mismatch');
    await fireEvent.click(screen.getByTestId('plan-still-manages-org'));
    expect(get(stores.screen)).toBe('org');
    expect(get(stores.orgFocusRequest)?.id).toBe(shown.person_id);
  });

  it('says nothing of reports when nobody is left to hand off', async () => {
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    expect(shown.still_manages).toBe(0);
    expect(screen.queryByTestId('plan-still-manages')).toBeNull();
  });

  it('highlights the day-90 checkpoint item and points to the checkpoint with its questions', async () => {
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    const last = item(checkpoint.id);
    expect(last.getAttribute('data-checkpoint')).toBe('true');
    expect(item(late.id).getAttribute('data-checkpoint')).toBe('false');
    expect(last.classList.contains('checkpoint')).toBe(true);
    expect(within(last).queryByTestId('plan-item-skill')).toBeNull();
    expect(within(last).getByTestId('plan-item-decision').textContent).toBe('Decision: Not decided yet');
    const link = within(last).getByRole('link', { name: 'Answer the questions and record the decision' });
    const section = screen.getByTestId('plan-checkpoint');
    expect(link.getAttribute('href')).toBe(`#${section.id}`);
    const questions = within(section).getByTestId('plan-checkpoint-questions');
    expect(questions.querySelectorAll('li')).toHaveLength(shown.checkpoint_questions.length);
    expect(questions.textContent).toContain('Which gaps closed, and which did not move?');
  });

  it('shows progress per skill', async () => {
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    const rows = within(screen.getByTestId('plan-skill-progress')).getAllByTestId('plan-skill-row');
    // Three items a level: delegating 3 and 4, coaching 2 and 3, decomposing 4.
    expect(rows.map((r) => [r.getAttribute('data-skill-key'), r.getAttribute('data-done'), r.getAttribute('data-total')])).toEqual([
      ['delegating-work', '1', '6'],
      ['coaching', '0', '6'],
      ['decomposing-work', '0', '3'],
    ]);
  });

  it('ticks an item and shows the plan the host answers with', async () => {
    // The host ticks the first overdue item on 2026-09-10.
    const after = core.planItemChecked();
    vi.mocked(api.planItemCheck).mockResolvedValue(after);
    vi.mocked(api.planGet).mockResolvedValueOnce(core.plan()).mockResolvedValue(after);
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    await fireEvent.click(within(item(late.id)).getByTestId('plan-item-check'));
    expect(api.planItemCheck).toHaveBeenCalledWith(shown.id, late.id, true);
    await waitFor(() => expect(item(late.id).getAttribute('data-done')).toBe('true'));
    expect(item(late.id).getAttribute('data-overdue')).toBe('false');
    expect(screen.getAllByTestId('plan-phase-progress')[0].getAttribute('data-done')).toBe('2');
    expect(get(stores.revision)).toBeGreaterThan(0);
  });

  it('puts the box back and says why when a tick fails', async () => {
    vi.mocked(api.planItemCheck).mockRejectedValue(new api.ApiError('not_found', `plan ${shown.id} has no item ${done.id}`));
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    const box = within(item(done.id)).getByTestId('plan-item-check') as HTMLInputElement;
    await fireEvent.click(box);
    expect(api.planItemCheck).toHaveBeenCalledWith(shown.id, done.id, false);
    const alert = await screen.findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('not_found');
    expect(box.checked).toBe(true);
  });

  // What the export button does (FileExport.test.ts); here, that it saves this plan.
  it('saves the Markdown through the save dialog, and says in the export area when it cannot', async () => {
    vi.mocked(api.planMarkdownSave)
      .mockResolvedValueOnce('/home/me/Ada Lovelace transition plan.md')
      .mockRejectedValueOnce(new api.ApiError('io', 'cannot write /root/x.md'));
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    const area = screen.getByTestId('plan-export');
    expect(within(area).queryByRole('textbox'), 'no path to type').toBeNull();
    const save = within(area).getByTestId('plan-export-write') as HTMLButtonElement;
    await fireEvent.click(save);
    expect(api.planMarkdownSave).toHaveBeenCalledWith(shown.id);
    await waitFor(() => expect(get(stores.toasts).map((t) => t.testid)).toContain('plan-export-toast'));
    await fireEvent.click(save);
    const alert = await within(area).findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('io');
    expect(alert.textContent).toContain('cannot write /root/x.md');
  });

  it('copies the Markdown through the host and shows what was copied', async () => {
    vi.mocked(api.planMarkdownCopy).mockResolvedValue(core.planMarkdown());
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    await fireEvent.click(screen.getByTestId('plan-markdown-copy'));
    const dialog = await screen.findByTestId('plan-markdown');
    expect(api.planMarkdownCopy).toHaveBeenCalledWith(shown.id);
    const pre = within(dialog).getByTestId('plan-markdown-text');
    expect(pre.textContent).toBe(core.planMarkdown());
    expect(pre.textContent).toContain('# Transition plan: Ada Lovelace → IC leader');
    expect(within(dialog).getByTestId('plan-markdown-status').textContent).toBe('Copied to the clipboard.');
    await fireEvent.click(within(dialog).getByTestId('plan-markdown-copy-again'));
    await waitFor(() => expect(api.planMarkdownCopy).toHaveBeenCalledTimes(2));
  });

  it('says the clipboard refused, with no Ctrl+C fallback, and shows no text as copied', async () => {
    const refused = new api.ApiError('io', 'could not copy the plan to the clipboard: X11 server connection timed out');
    vi.mocked(api.planMarkdownCopy).mockRejectedValueOnce(refused);
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    await fireEvent.click(screen.getByTestId('plan-markdown-copy'));
    const alert = await within(screen.getByTestId('plan-export')).findByTestId('error-alert');
    expect(alert.textContent).toContain('Could not copy to the clipboard');
    expect(alert.textContent).toContain('X11 server connection timed out');
    expect(screen.queryByTestId('plan-markdown')).toBeNull();
    expect(document.body.textContent).not.toMatch(/Ctrl\+C|⌘C/);

    // A later copy that fails again says so inside the dialog, not as copied.
    vi.mocked(api.planMarkdownCopy).mockResolvedValueOnce(core.planMarkdown()).mockRejectedValueOnce(refused);
    await fireEvent.click(screen.getByTestId('plan-markdown-copy'));
    const dialog = await screen.findByTestId('plan-markdown');
    await fireEvent.click(within(dialog).getByTestId('plan-markdown-copy-again'));
    expect((await within(dialog).findByTestId('error-alert')).textContent).toContain('Could not copy to the clipboard');
    expect(within(dialog).queryByTestId('plan-markdown-status')).toBeNull();
  });

  it('prints only the plan: the body is marked while the page is shown', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { unmount } = render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    expect(document.body.classList.contains('print-plan')).toBe(true);
    await fireEvent.click(screen.getByTestId('plan-print'));
    expect(print).toHaveBeenCalledTimes(1);
    unmount();
    expect(document.body.classList.contains('print-plan')).toBe(false);
  });

  it('shows what the plan changed in the org: description, people moved, date', async () => {
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    const structure = screen.getByTestId('plan-structure');
    expect(structure.getAttribute('data-undone')).toBe('false');
    expect(screen.getByTestId('plan-structure-description').textContent).toBe('Ada Lovelace moves to IC leader: their reports get new managers');
    const moves = screen.getByTestId('plan-structure-moves');
    expect([moves.getAttribute('data-value'), moves.getAttribute('data-made-on')]).toEqual(['4', '2026-08-01']);
    expect(moves.textContent).toContain('4 people moved on 1 Aug 2026');
    expect(screen.queryByTestId('plan-structure-undone')).toBeNull();
  });

  it('undoes the structure change after asking, then reads the plan again', async () => {
    vi.mocked(api.planGet).mockResolvedValueOnce(core.plan()).mockResolvedValue(core.planStructureUndone());
    vi.mocked(api.reorgUndo).mockResolvedValue(core.structureChangeUndone());
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    await fireEvent.click(screen.getByTestId('plan-undo-structure'));
    const dialog = screen.getByTestId('plan-undo-dialog');
    expect(api.reorgUndo).not.toHaveBeenCalled();
    await fireEvent.click(within(dialog).getByTestId('plan-undo-confirm'));
    expect(api.reorgUndo).toHaveBeenCalledWith(shown.structure_change_id);
    await waitFor(() => expect(screen.queryByTestId('plan-undo-dialog')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('plan-structure').getAttribute('data-undone')).toBe('true'));
    expect(vi.mocked(api.planGet).mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(screen.queryByTestId('plan-undo-structure')).toBeNull();
    expect(screen.getByTestId('plan-structure-undone').textContent).toContain('Undone');
    expect(screen.getByTestId('plan-structure-moves').textContent).toContain('everyone is back with the manager they had before');
    expect(get(stores.toasts).map((t) => t.testid)).toContain('plan-undo-toast');
  });

  it('shows an undone change as undone, with no undo', async () => {
    vi.mocked(api.planGet).mockResolvedValue(core.planStructureUndone());
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    expect(screen.getByTestId('plan-structure-undone')).toBeTruthy();
    expect(screen.queryByTestId('plan-undo-structure')).toBeNull();
  });

  it('keeps the dialog open with the reason when the undo is refused', async () => {
    vi.mocked(api.reorgUndo).mockRejectedValue(new api.ApiError('conflict', 'cannot undo "Ada moves": Bo has been moved again since'));
    render(PlanPage, { planId: shown.id });
    await screen.findByTestId('plan-page');
    await fireEvent.click(screen.getByTestId('plan-undo-structure'));
    await fireEvent.click(screen.getByTestId('plan-undo-confirm'));
    const alert = await within(screen.getByTestId('plan-undo-dialog')).findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('conflict');
    expect(alert.textContent).toContain('Bo has been moved again since');
    expect(screen.getByTestId('plan-undo-structure')).toBeTruthy();
  });

  it('offers no undo when the plan moved nobody', async () => {
    // Ada's earlier tech-lead plan kept her people with her.
    const stayed = core.planTechLead();
    vi.mocked(api.planGet).mockResolvedValue(stayed);
    render(PlanPage, { planId: stayed.id });
    await screen.findByTestId('plan-page');
    expect(screen.queryByTestId('plan-structure')).toBeNull();
    expect(screen.queryByTestId('plan-undo-structure')).toBeNull();
  });
});
