import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return {
    ...real,
    frameworkList: vi.fn(),
    // The core's limits, as plan_limits answers (the forms show them before saving).
    planLimits: vi.fn(async () => (await import('../../test/core')).planLimits()),
    templateLibrary: vi.fn(),
    templateSet: vi.fn(),
    templateReset: vi.fn(),
    workspaceInfo: vi.fn(),
  };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const skillsState = await import('./skillsState');
const { templateUi } = await import('./templateLibraryState.svelte');
const { default: TemplateLibrary } = await import('./TemplateLibrary.svelte');
const { default: SkillsScreen } = await import('./SkillsScreen.svelte');

// The library of the built-in framework: 14 skills, each with levels 2 to 5;
// delegating level 3 was edited (one item of the user's replaces three shipped).
const builtin = core.frameworkBuiltin();
const craft = core.frameworkPlatformCraft();
const library = core.templateLibraryBuiltin();
const [two, three, four] = library[0].levels;

beforeEach(() => {
  templateUi.reset();
  stores.toasts.set([]);
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.frameworkList).mockReset().mockResolvedValue(core.frameworkList());
  vi.mocked(api.templateLibrary)
    .mockReset()
    .mockImplementation(async (id) => (id === craft.id ? core.templateLibraryPlatformCraft() : core.templateLibraryBuiltin()));
  vi.mocked(api.templateSet).mockReset();
  vi.mocked(api.templateReset).mockReset();
});

const level = (n: number) => screen.getAllByTestId('templates-level').find((l) => l.getAttribute('data-level') === String(n))!;
const toast = (testid: string) => get(stores.toasts).find((t) => t.testid === testid);
const input = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

async function shown() {
  render(TemplateLibrary);
  await waitFor(() => expect(screen.getAllByTestId('templates-level')).toHaveLength(4));
}

async function edit(n: number) {
  await fireEvent.click(within(level(n)).getByTestId('templates-edit'));
  return within(level(n));
}

describe('TemplateLibrary', () => {
  it('opens on the built-in framework with skills grouped by area and the first skill’s four levels', async () => {
    await shown();
    expect(api.templateLibrary).toHaveBeenCalledWith(builtin.id);
    expect(screen.getByTestId('templates-intro').textContent).toContain('plans created from now on');
    expect(screen.getAllByTestId('templates-area').map((a) => a.getAttribute('data-area'))).toEqual(builtin.areas.map((a) => a.name));
    expect(screen.getAllByTestId('templates-skill').map((s) => s.getAttribute('data-skill-key'))).toEqual(library.map((s) => s.skill_key));
    expect(screen.getAllByTestId('templates-skill')[0].getAttribute('aria-current')).toBe('true');
    expect(screen.getAllByTestId('templates-skill')[0].getAttribute('data-edited')).toBe('1');

    const second = within(level(2));
    expect(second.getByTestId('templates-rubric').textContent).toContain(two.rubric);
    expect(second.getAllByTestId('templates-item-title').map((e) => e.textContent)).toEqual(two.items.map((i) => i.title));
    expect(second.getAllByTestId('templates-item-kind').map((e) => e.textContent)).toEqual(['hands-on work', 'supervising AI agents', 'remaining 1:1s']);
    // 1 + 2 + 1 hours a week.
    expect(second.getByTestId('templates-items-total').getAttribute('data-value')).toBe('4');
    expect(second.queryByTestId('templates-edited')).toBeNull();
    expect(second.queryByTestId('templates-reset'), 'no reset for a level that was not edited').toBeNull();
    expect(within(level(3)).getByTestId('templates-edited')).toBeTruthy();
    expect(within(level(3)).getByTestId('templates-reset').textContent).toContain('Reset to shipped');
  });

  it('filters the skills and shows the one chosen', async () => {
    await shown();
    await input(screen.getByTestId('templates-filter'), 'growing people');
    expect(screen.getAllByTestId('templates-skill').map((s) => s.getAttribute('data-skill-key'))).toEqual(['coaching']);
    expect(screen.getByTestId('templates-skill-detail').getAttribute('data-skill-key')).toBe('coaching');
    await input(screen.getByTestId('templates-filter'), 'nothing like this');
    expect(screen.getByTestId('templates-no-match')).toBeTruthy();
    expect(screen.queryByTestId('templates-skill-detail')).toBeNull();
    await input(screen.getByTestId('templates-filter'), '');
    await fireEvent.click(screen.getAllByTestId('templates-skill')[1]);
    expect(screen.getByTestId('templates-skill-detail').getAttribute('data-skill-key')).toBe('decomposing-work');
  });

  it('saves a changed, added, reordered and removed list as it reads on screen', async () => {
    vi.mocked(api.templateSet).mockResolvedValue(two.items);
    await shown();
    const ed = await edit(2);
    expect(ed.getByTestId('templates-save')).toHaveProperty('disabled', true);
    const titles = () => ed.getAllByTestId('templates-item-title-input') as HTMLInputElement[];
    await input(titles()[1], '  Brief two agents ');
    await input(ed.getAllByTestId('templates-item-hours-input')[1], '3');
    await fireEvent.change(ed.getAllByTestId('templates-item-kind-input')[1], { target: { value: 'reviews' } });
    await fireEvent.click(ed.getByTestId('templates-item-add'));
    await input(titles()[3], 'Check in on Friday');
    await input(ed.getAllByTestId('templates-item-done-when-input')[3], 'Three check-ins held');
    // the new item goes to the top, then the first shipped one (now second) is removed
    await fireEvent.click(ed.getAllByTestId('templates-item-up')[3]);
    await fireEvent.click(ed.getAllByTestId('templates-item-up')[2]);
    await fireEvent.click(ed.getAllByTestId('templates-item-up')[1]);
    expect(titles().map((i) => i.value)).toEqual(['Check in on Friday', two.items[0].title, '  Brief two agents ', two.items[2].title]);
    await fireEvent.click(ed.getAllByTestId('templates-item-remove')[1]);
    expect(ed.getByTestId('templates-save')).toHaveProperty('disabled', false);
    await fireEvent.click(ed.getByTestId('templates-save'));

    await waitFor(() => expect(api.templateSet).toHaveBeenCalledTimes(1));
    expect(api.templateSet).toHaveBeenCalledWith('delegating-work', 2, [
      { title: 'Check in on Friday', done_when: 'Three check-ins held', hours_per_week: 1, kind: 'hands_on' },
      { title: 'Brief two agents', done_when: two.items[1].done_when, hours_per_week: 3, kind: 'reviews' },
      two.items[2],
    ]);
    await waitFor(() => expect(toast('templates-saved-toast')).toBeTruthy());
    expect(screen.queryByTestId('templates-editor'), 'the editor closes').toBeNull();
    expect(document.activeElement, 'focus returns to the level’s edit button').toBe(within(level(2)).getByTestId('templates-edit'));
    expect(api.templateLibrary).toHaveBeenCalledTimes(2);
  });

  it('undoes the save of a level that was not edited with a reset', async () => {
    vi.mocked(api.templateSet).mockResolvedValue(two.items);
    vi.mocked(api.templateReset).mockResolvedValue([]);
    await shown();
    const ed = await edit(2);
    await input(ed.getAllByTestId('templates-item-title-input')[0], 'Changed');
    await fireEvent.click(ed.getByTestId('templates-save'));
    await waitFor(() => expect(toast('templates-saved-toast')).toBeTruthy());
    await toast('templates-saved-toast')!.action!.run();
    expect(api.templateReset).toHaveBeenCalledWith('delegating-work', 2);
    expect(api.templateSet, 'only the save itself').toHaveBeenCalledTimes(1);
    expect(toast('templates-undone-toast')).toBeTruthy();
  });

  it('undoes the save of an edited level by saving its earlier items', async () => {
    vi.mocked(api.templateSet).mockResolvedValue(three.items);
    await shown();
    const ed = await edit(3);
    await input(ed.getAllByTestId('templates-item-hours-input')[0], '4');
    await fireEvent.click(ed.getByTestId('templates-save'));
    await waitFor(() => expect(toast('templates-saved-toast')).toBeTruthy());
    expect(api.templateSet).toHaveBeenLastCalledWith('delegating-work', 3, [{ ...three.items[0], hours_per_week: 4 }]);
    await toast('templates-saved-toast')!.action!.run();
    expect(api.templateSet).toHaveBeenLastCalledWith('delegating-work', 3, three.items);
    expect(api.templateReset).not.toHaveBeenCalled();
  });

  it('resets an edited level, and undo saves the removed items again', async () => {
    vi.mocked(api.templateReset).mockResolvedValue(three.items);
    vi.mocked(api.templateSet).mockResolvedValue(three.shipped);
    await shown();
    await fireEvent.click(within(level(3)).getByTestId('templates-reset'));
    await waitFor(() => expect(toast('templates-reset-toast')).toBeTruthy());
    expect(api.templateReset).toHaveBeenCalledWith('delegating-work', 3);
    expect(api.templateLibrary).toHaveBeenCalledTimes(2);
    expect(document.activeElement, 'the reset button is gone: focus stays in the level').toBe(within(level(3)).getByTestId('templates-edit'));
    await toast('templates-reset-toast')!.action!.run();
    expect(api.templateSet).toHaveBeenCalledWith('delegating-work', 3, three.items);
  });

  it('reports a failed undo as an error toast', async () => {
    vi.mocked(api.templateReset).mockResolvedValue(three.items);
    vi.mocked(api.templateSet).mockRejectedValue(new api.ApiError('database', 'disk full'));
    await shown();
    await fireEvent.click(within(level(3)).getByTestId('templates-reset'));
    await waitFor(() => expect(toast('templates-reset-toast')).toBeTruthy());
    await toast('templates-reset-toast')!.action!.run();
    expect(toast('error-toast')?.message).toBe('Could not undo: disk full');
  });

  it('checks the items before calling the host', async () => {
    await shown();
    const ed = await edit(2);
    await input(ed.getAllByTestId('templates-item-title-input')[0], '   ');
    await input(ed.getAllByTestId('templates-item-hours-input')[1], '41');
    expect(ed.getByTestId('templates-item-hours-problem').textContent, 'a number shows its problem at once').toBe('41 hours a week is more than 40');
    expect(ed.queryByTestId('templates-item-title-problem'), 'the title only once the field is left').toBeNull();
    await fireEvent.click(ed.getByTestId('templates-save'));
    expect(ed.getAllByTestId('templates-problem').map((p) => p.textContent)).toEqual([
      'Item 1: the title is empty.',
      'Item 2: 41 hours a week is more than 40.',
    ]);
    expect(ed.getAllByTestId('templates-item-title-input')[0].getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement, 'focus goes to the first field to fix').toBe(ed.getAllByTestId('templates-item-title-input')[0]);
    expect(api.templateSet).not.toHaveBeenCalled();
    // removing every item is refused too, naming the way back
    for (let i = 0; i < two.items.length; i += 1) await fireEvent.click(ed.getAllByTestId('templates-item-remove')[0]);
    expect(ed.getAllByTestId('templates-problem').map((p) => p.textContent)).toEqual(['Keep at least one item. Cancel keeps the shipped items.']);
  });

  it('shows the host’s refusal in an error alert and keeps the edit', async () => {
    vi.mocked(api.templateSet).mockRejectedValue({ kind: 'invalid_input', message: 'the templates were not saved: item 1: the title is empty' });
    await shown();
    const ed = await edit(2);
    await input(ed.getAllByTestId('templates-item-title-input')[0], 'Changed');
    await fireEvent.click(ed.getByTestId('templates-save'));
    const alert = await within(level(2)).findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('invalid_input');
    expect(alert.textContent).toContain('item 1: the title is empty');
    expect((ed.getAllByTestId('templates-item-title-input')[0] as HTMLInputElement).value).toBe('Changed');
  });

  it('cancels an edit without calling the host, returning focus to the edit button', async () => {
    await shown();
    const ed = await edit(4);
    await input(ed.getAllByTestId('templates-item-title-input')[0], 'Changed');
    await fireEvent.click(ed.getByTestId('templates-cancel'));
    expect(within(level(4)).getAllByTestId('templates-item-title').map((e) => e.textContent)).toEqual(four.items.map((i) => i.title));
    await waitFor(() => expect(document.activeElement).toBe(within(level(4)).getByTestId('templates-edit')));
    expect(api.templateSet).not.toHaveBeenCalled();
  });

  it('keeps focus on the moved item’s buttons', async () => {
    await shown();
    const ed = await edit(2);
    const last = two.items.length - 1;
    const second = ed.getAllByTestId('templates-edit-item')[last - 1].getAttribute('data-uid');
    await fireEvent.click(ed.getAllByTestId('templates-item-down')[last - 1]);
    const moved = ed.getAllByTestId('templates-edit-item')[last];
    expect(moved.getAttribute('data-uid')).toBe(second);
    // now last: its down button is disabled, so focus is on its up button
    await waitFor(() => expect(document.activeElement).toBe(within(moved).getByTestId('templates-item-up')));
  });

  it('keeps an unsaved edit while another skill is shown', async () => {
    await shown();
    const ed = await edit(5);
    await input(ed.getAllByTestId('templates-item-title-input')[0], 'Teach it twice');
    await fireEvent.click(screen.getAllByTestId('templates-skill')[2]);
    expect(within(screen.getAllByTestId('templates-skill')[0]).getByTestId('templates-skill-unsaved')).toBeTruthy();
    await fireEvent.click(screen.getAllByTestId('templates-skill')[0]);
    expect((within(level(5)).getAllByTestId('templates-item-title-input')[0] as HTMLInputElement).value).toBe('Teach it twice');
  });

  it('shows the shipped items beside the user’s for an edited level', async () => {
    await shown();
    const third = within(level(3));
    expect(third.queryByTestId('templates-shipped')).toBeNull();
    expect(within(level(2)).queryByTestId('templates-shipped-toggle'), 'only edited levels compare').toBeNull();
    const toggle = third.getByTestId('templates-shipped-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(third.getAllByTestId('templates-shipped-item-title').map((e) => e.textContent)).toEqual(three.shipped.map((i) => i.title));
    expect(third.getAllByTestId('templates-item-title').map((e) => e.textContent)).toEqual(['Pair on a delegation']);
  });

  it('lets the user write the first items for a skill of their own framework', async () => {
    vi.mocked(api.templateSet).mockResolvedValue([]);
    vi.mocked(api.templateReset).mockResolvedValue([]);
    await shown();
    await fireEvent.change(screen.getByTestId('templates-framework'), { target: { value: 'platform-craft' } });
    await waitFor(() => expect(api.templateLibrary).toHaveBeenLastCalledWith(craft.id));
    await waitFor(() => expect(screen.getByTestId('templates-skill-detail').getAttribute('data-skill-key')).toBe('incident-response'));
    expect(screen.getByTestId('templates-own-framework')).toBeTruthy();
    expect(within(level(2)).getByTestId('templates-items-empty')).toBeTruthy();
    const ed = await edit(2);
    expect(ed.getByTestId('templates-edit-empty')).toBeTruthy();
    await fireEvent.click(ed.getByTestId('templates-item-add'));
    expect(document.activeElement).toBe(ed.getByTestId('templates-item-title-input'));
    await input(ed.getByTestId('templates-item-title-input'), 'Write one service');
    await fireEvent.click(ed.getByTestId('templates-save'));
    await waitFor(() => expect(toast('templates-saved-toast')).toBeTruthy());
    expect(api.templateSet).toHaveBeenCalledWith('incident-response', 2, [{ title: 'Write one service', done_when: '', hours_per_week: 1, kind: 'hands_on' }]);
    await toast('templates-saved-toast')!.action!.run();
    expect(api.templateReset).toHaveBeenCalledWith('incident-response', 2);
  });
});

describe('SkillsScreen', () => {
  it('has a Practice templates tab showing the library', async () => {
    skillsState.skillsView.set('templates');
    render(SkillsScreen);
    expect(screen.getAllByRole('tab').map((t) => t.textContent?.trim())).toEqual(['Person', 'Team heatmap', 'Frameworks', 'Practice templates']);
    expect(screen.getByTestId('skills-tab-templates').getAttribute('aria-selected')).toBe('true');
    expect(within(screen.getByTestId('skills-templates')).getByTestId('templates')).toBeTruthy();
  });
});
