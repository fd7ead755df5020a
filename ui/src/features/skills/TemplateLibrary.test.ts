import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { summaries } from '../../test/skillsFixtures';
import { DELEGATING_2, DELEGATING_3_MINE, DELEGATING_3_SHIPPED, library, ownSkill } from './templateLibraryFixtures';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return {
    ...real,
    frameworkList: vi.fn(),
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

beforeEach(() => {
  templateUi.reset();
  stores.toasts.set([]);
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.frameworkList).mockReset().mockResolvedValue(summaries());
  vi.mocked(api.templateLibrary).mockReset().mockImplementation(async (id) => (id === 1 ? library() : [ownSkill()]));
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
    expect(api.templateLibrary).toHaveBeenCalledWith(1);
    expect(screen.getByTestId('templates-intro').textContent).toContain('plans created from now on');
    expect(screen.getAllByTestId('templates-area').map((a) => a.getAttribute('data-area'))).toEqual(['Directing work', 'Leading people']);
    expect(screen.getAllByTestId('templates-skill').map((s) => s.getAttribute('data-skill-key'))).toEqual(['delegating-work', 'decomposing-work', 'coaching']);
    expect(screen.getAllByTestId('templates-skill')[0].getAttribute('aria-current')).toBe('true');
    expect(screen.getAllByTestId('templates-skill')[0].getAttribute('data-edited')).toBe('1');

    const two = within(level(2));
    expect(two.getByTestId('templates-rubric').textContent).toContain('Delegating at level 2.');
    expect(two.getAllByTestId('templates-item-title').map((e) => e.textContent)).toEqual(['List open tasks', 'Brief an agent']);
    expect(two.getAllByTestId('templates-item-kind').map((e) => e.textContent)).toEqual(['hands-on work', 'supervising AI agents']);
    expect(two.getByTestId('templates-items-total').getAttribute('data-value')).toBe('3');
    expect(two.queryByTestId('templates-edited')).toBeNull();
    expect(two.queryByTestId('templates-reset'), 'no reset for a level that was not edited').toBeNull();
    expect(within(level(3)).getByTestId('templates-edited')).toBeTruthy();
    expect(within(level(3)).getByTestId('templates-reset').textContent).toContain('Reset to shipped');
  });

  it('filters the skills and shows the one chosen', async () => {
    await shown();
    await input(screen.getByTestId('templates-filter'), 'coach');
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
    vi.mocked(api.templateSet).mockResolvedValue(DELEGATING_2);
    await shown();
    const ed = await edit(2);
    expect(ed.getByTestId('templates-save')).toHaveProperty('disabled', true);
    const titles = () => ed.getAllByTestId('templates-item-title-input') as HTMLInputElement[];
    await input(titles()[1], '  Brief two agents ');
    await input(ed.getAllByTestId('templates-item-hours-input')[1], '3');
    await fireEvent.change(ed.getAllByTestId('templates-item-kind-input')[1], { target: { value: 'reviews' } });
    await fireEvent.click(ed.getByTestId('templates-item-add'));
    await input(titles()[2], 'Check in on Friday');
    await input(ed.getAllByTestId('templates-item-done-when-input')[2], 'Three check-ins held');
    // the new item goes to the top, then "List open tasks" (now second) is removed
    await fireEvent.click(ed.getAllByTestId('templates-item-up')[2]);
    await fireEvent.click(ed.getAllByTestId('templates-item-up')[1]);
    expect(titles().map((i) => i.value)).toEqual(['Check in on Friday', 'List open tasks', '  Brief two agents ']);
    await fireEvent.click(ed.getAllByTestId('templates-item-remove')[1]);
    expect(ed.getByTestId('templates-save')).toHaveProperty('disabled', false);
    await fireEvent.click(ed.getByTestId('templates-save'));

    await waitFor(() => expect(api.templateSet).toHaveBeenCalledTimes(1));
    expect(api.templateSet).toHaveBeenCalledWith('delegating-work', 2, [
      { title: 'Check in on Friday', done_when: 'Three check-ins held', hours_per_week: 1, kind: 'hands_on' },
      { title: 'Brief two agents', done_when: 'Brief an agent: done', hours_per_week: 3, kind: 'reviews' },
    ]);
    await waitFor(() => expect(toast('templates-saved-toast')).toBeTruthy());
    expect(screen.queryByTestId('templates-editor'), 'the editor closes').toBeNull();
    expect(document.activeElement, 'focus returns to the level’s edit button').toBe(within(level(2)).getByTestId('templates-edit'));
    expect(api.templateLibrary).toHaveBeenCalledTimes(2);
  });

  it('undoes the save of a level that was not edited with a reset', async () => {
    vi.mocked(api.templateSet).mockResolvedValue(DELEGATING_2);
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
    vi.mocked(api.templateSet).mockResolvedValue(DELEGATING_3_MINE);
    await shown();
    const ed = await edit(3);
    await input(ed.getAllByTestId('templates-item-hours-input')[0], '4');
    await fireEvent.click(ed.getByTestId('templates-save'));
    await waitFor(() => expect(toast('templates-saved-toast')).toBeTruthy());
    expect(api.templateSet).toHaveBeenLastCalledWith('delegating-work', 3, [{ ...DELEGATING_3_MINE[0], hours_per_week: 4 }]);
    await toast('templates-saved-toast')!.action!.run();
    expect(api.templateSet).toHaveBeenLastCalledWith('delegating-work', 3, DELEGATING_3_MINE);
    expect(api.templateReset).not.toHaveBeenCalled();
  });

  it('resets an edited level, and undo saves the removed items again', async () => {
    vi.mocked(api.templateReset).mockResolvedValue(DELEGATING_3_MINE);
    vi.mocked(api.templateSet).mockResolvedValue(DELEGATING_3_SHIPPED);
    await shown();
    await fireEvent.click(within(level(3)).getByTestId('templates-reset'));
    await waitFor(() => expect(toast('templates-reset-toast')).toBeTruthy());
    expect(api.templateReset).toHaveBeenCalledWith('delegating-work', 3);
    expect(api.templateLibrary).toHaveBeenCalledTimes(2);
    expect(document.activeElement, 'the reset button is gone: focus stays in the level').toBe(within(level(3)).getByTestId('templates-edit'));
    await toast('templates-reset-toast')!.action!.run();
    expect(api.templateSet).toHaveBeenCalledWith('delegating-work', 3, DELEGATING_3_MINE);
  });

  it('reports a failed undo as an error toast', async () => {
    vi.mocked(api.templateReset).mockResolvedValue(DELEGATING_3_MINE);
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
    await fireEvent.click(ed.getAllByTestId('templates-item-remove')[0]);
    await fireEvent.click(ed.getAllByTestId('templates-item-remove')[0]);
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
    expect(within(level(4)).getAllByTestId('templates-item-title').map((e) => e.textContent)).toEqual(['Set up a delegation review']);
    await waitFor(() => expect(document.activeElement).toBe(within(level(4)).getByTestId('templates-edit')));
    expect(api.templateSet).not.toHaveBeenCalled();
  });

  it('keeps focus on the moved item’s buttons', async () => {
    await shown();
    const ed = await edit(2);
    const first = ed.getAllByTestId('templates-edit-item')[0].getAttribute('data-uid');
    await fireEvent.click(ed.getAllByTestId('templates-item-down')[0]);
    const moved = ed.getAllByTestId('templates-edit-item')[1];
    expect(moved.getAttribute('data-uid')).toBe(first);
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
    const three = within(level(3));
    expect(three.queryByTestId('templates-shipped')).toBeNull();
    expect(within(level(2)).queryByTestId('templates-shipped-toggle'), 'only edited levels compare').toBeNull();
    const toggle = three.getByTestId('templates-shipped-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(three.getAllByTestId('templates-shipped-item-title').map((e) => e.textContent)).toEqual(['Delegate a bug fix', 'Review the PR']);
    expect(three.getAllByTestId('templates-item-title').map((e) => e.textContent)).toEqual(['Pair on a delegation']);
  });

  it('lets the user write the first items for a skill of their own framework', async () => {
    vi.mocked(api.templateSet).mockResolvedValue([]);
    vi.mocked(api.templateReset).mockResolvedValue([]);
    await shown();
    await fireEvent.change(screen.getByTestId('templates-framework'), { target: { value: 'platform-craft' } });
    await waitFor(() => expect(api.templateLibrary).toHaveBeenLastCalledWith(7));
    await waitFor(() => expect(screen.getByTestId('templates-skill-detail').getAttribute('data-skill-key')).toBe('kotlin'));
    expect(screen.getByTestId('templates-own-framework')).toBeTruthy();
    expect(within(level(2)).getByTestId('templates-items-empty')).toBeTruthy();
    const ed = await edit(2);
    expect(ed.getByTestId('templates-edit-empty')).toBeTruthy();
    await fireEvent.click(ed.getByTestId('templates-item-add'));
    expect(document.activeElement).toBe(ed.getByTestId('templates-item-title-input'));
    await input(ed.getByTestId('templates-item-title-input'), 'Write one service');
    await fireEvent.click(ed.getByTestId('templates-save'));
    await waitFor(() => expect(toast('templates-saved-toast')).toBeTruthy());
    expect(api.templateSet).toHaveBeenCalledWith('kotlin', 2, [{ title: 'Write one service', done_when: '', hours_per_week: 1, kind: 'hands_on' }]);
    await toast('templates-saved-toast')!.action!.run();
    expect(api.templateReset).toHaveBeenCalledWith('kotlin', 2);
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
