import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return {
    ...real,
    frameworkList: vi.fn(),
    frameworkGet: vi.fn(),
    assessmentList: vi.fn(),
    assessmentCreate: vi.fn(),
    assessmentCompare: vi.fn(),
    orgSearch: vi.fn(),
    workspaceInfo: vi.fn(),
    today: vi.fn(),
  };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const state = await import('./skillsState');
const { default: PersonSkills } = await import('./PersonSkills.svelte');

// Ada's assessments, newest first: manager and self of 2026-H2, manager and self of 2026-H1.
const [managerH2, selfH2, , selfH1] = core.assessmentListAda();
const adaNode = core.orgChildrenGrace().nodes.find((n) => n.name === 'Ada Lovelace')!;
const builtin = core.frameworkBuiltin();
const craft = core.frameworkPlatformCraft();

beforeEach(() => {
  state.resetSkillsState();
  stores.toasts.set([]);
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.frameworkList).mockReset().mockResolvedValue(core.frameworkList());
  vi.mocked(api.frameworkGet).mockReset().mockImplementation(async (id) => (id === craft.id ? core.frameworkPlatformCraft() : core.frameworkBuiltin()));
  vi.mocked(api.assessmentList).mockReset().mockResolvedValue([managerH2]);
  vi.mocked(api.assessmentCompare).mockReset().mockResolvedValue(core.assessmentCompareAda());
  vi.mocked(api.today).mockReset().mockResolvedValue('2026-07-03');
  vi.mocked(api.orgSearch).mockReset().mockImplementation(core.orgSearchFor);
});

/** Ada rates one skill and saves: the host answers with selfH1, whose round has no manager half. */
async function saveSelfH1WithoutItsPair() {
    state.skillsPerson.set({ id: adaNode.id, name: 'Ada' });
    vi.mocked(api.assessmentCreate).mockResolvedValue(selfH1);
    render(PersonSkills);
    await screen.findByTestId('assess-form');
    vi.mocked(api.assessmentList).mockResolvedValue([selfH1, managerH2]);
    await fireEvent.click(screen.getAllByTestId('assess-level')[0]);
    await waitFor(() => expect((screen.getByTestId('assess-date') as HTMLInputElement).value).toBe('2026-07-03'));
    await fireEvent.click(screen.getByTestId('assess-save'));
}

describe('PersonSkills', () => {
  it('asks for a person first, then rates them on the built-in framework', async () => {
    render(PersonSkills);
    expect(screen.getByTestId('skills-person-empty')).toBeTruthy();
    const input = screen.getByTestId('skills-person-search');
    await fireEvent.input(input, { target: { value: 'ada' } });
    await fireEvent.click(await screen.findByTestId('skills-person-search-result'));
    expect(screen.getByTestId('skills-person').getAttribute('data-person-id')).toBe(String(adaNode.id));
    await screen.findByTestId('assess-form');
    expect(api.frameworkGet).toHaveBeenCalledWith(builtin.id);
    expect(api.assessmentList).toHaveBeenCalledWith(adaNode.id, 'ai-native-ic-leader');
    expect((screen.getByTestId('skills-framework') as HTMLSelectElement).value).toBe('ai-native-ic-leader');
  });

  it('rates against the newest version of the chosen framework', async () => {
    state.skillsPerson.set({ id: adaNode.id, name: 'Ada' });
    render(PersonSkills);
    await screen.findByTestId('assess-form');
    await fireEvent.change(screen.getByTestId('skills-framework'), { target: { value: 'platform-craft' } });
    // Version 2, the newest.
    await waitFor(() => expect(api.frameworkGet).toHaveBeenLastCalledWith(craft.id));
    expect(craft.version).toBe(2);
    await waitFor(() => expect(api.assessmentList).toHaveBeenLastCalledWith(adaNode.id, 'platform-craft'));
  });

  it('after saving the second of a self + manager pair, confirms and opens the comparison', async () => {
    state.skillsPerson.set({ id: adaNode.id, name: 'Ada' });
    vi.mocked(api.assessmentCreate).mockResolvedValue(selfH2);
    render(PersonSkills);
    await screen.findByTestId('assess-form');
    vi.mocked(api.assessmentList).mockResolvedValue([selfH2, managerH2]);
    const coaching = screen.getAllByTestId('assess-skill').find((el) => el.getAttribute('data-skill-key') === 'coaching')!;
    await fireEvent.click(within(coaching).getAllByTestId('assess-level')[2]);
    await fireEvent.input(screen.getByTestId('assess-round'), { target: { value: '2026-H2' } });
    await waitFor(() => expect((screen.getByTestId('assess-date') as HTMLInputElement).value).toBe('2026-07-03'));
    await fireEvent.click(screen.getByTestId('assess-save'));
    await waitFor(() => expect(get(state.personTab)).toBe('compare'));
    expect(get(stores.toasts).map((t) => t.testid)).toContain('assess-saved');
    await waitFor(() => expect(api.assessmentCompare).toHaveBeenCalledWith(selfH2.id, managerH2.id));
    expect(screen.getByTestId('person-tab-compare').getAttribute('aria-selected')).toBe('true');
  });

  it('stays on Assess when the other half of the round is missing', async () => {
    await saveSelfH1WithoutItsPair();
    await waitFor(() => expect(get(stores.toasts).map((t) => t.testid)).toContain('assess-saved'));
    expect(get(state.personTab)).toBe('assess');
    expect(api.assessmentCompare).not.toHaveBeenCalled();
  });

  it('says what was saved above the emptied form, and leads on to the gaps', async () => {
    await saveSelfH1WithoutItsPair();
    const card = await screen.findByTestId('assess-saved-card');
    // The host's record of the save: how many skills, on which day.
    expect(card.textContent).toContain(`${selfH1.ratings.length} skills rated on ${selfH1.assessed_on}`);
    await fireEvent.click(within(card).getByTestId('assess-see-gaps'));
    expect(get(state.personTab)).toBe('gaps');
    expect(screen.queryByTestId('assess-saved-card')).toBeNull();
  });

  it('in a workspace without people, offers to import or add someone instead of a search that finds nobody', async () => {
    stores.workspace.set({ path: '/tmp/w.leadline', file_name: 'w.leadline', people: 0, teams: 0 });
    render(PersonSkills);
    const empty = await screen.findByTestId('skills-no-people');
    expect(within(empty).getByTestId('empty-import')).toBeTruthy();
    await fireEvent.click(within(empty).getByTestId('empty-add-person'));
    expect(get(stores.screen)).toBe('people');
    stores.workspace.set(undefined);
  });

  it('moves between tabs with the arrow keys', async () => {
    state.skillsPerson.set({ id: adaNode.id, name: 'Ada' });
    render(PersonSkills);
    const assess = await screen.findByTestId('person-tab-assess');
    await fireEvent.keyDown(assess, { key: 'ArrowRight' });
    expect(get(state.personTab)).toBe('compare');
    await fireEvent.keyDown(screen.getByTestId('person-tab-compare'), { key: 'End' });
    expect(get(state.personTab)).toBe('history');
    await fireEvent.keyDown(screen.getByTestId('person-tab-history'), { key: 'ArrowRight' });
    expect(get(state.personTab)).toBe('assess');
  });
});
