import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, frameworkList: vi.fn(), teamList: vi.fn(), profileList: vi.fn(), teamHeatmap: vi.fn(), orgSearch: vi.fn() };
});
const api = await import('../../lib/api');
const state = await import('./skillsState');
const { default: TeamHeatmap } = await import('./TeamHeatmap.svelte');

const grace = core.orgRoots().nodes[0];
const team = (name: string) => core.teamList().find((t) => t.name === name)!;
const platform = team('Platform');
const search = team('Search');
const icLeader = core.profileList().find((p) => p.key === 'ic-leader')!;
const nobodyItem = (callout: HTMLElement, key: string) => within(callout).getAllByTestId('heatmap-nobody-item').find((i) => i.getAttribute('data-skill-key') === key)!;

beforeEach(() => {
  state.resetSkillsState();
  vi.mocked(api.frameworkList).mockReset().mockResolvedValue(core.frameworkList());
  vi.mocked(api.teamList).mockReset().mockResolvedValue(core.teamList());
  vi.mocked(api.profileList).mockReset().mockResolvedValue(core.profileList());
  // The host's heatmaps on the IC leader profile: Grace's whole org, the Platform team, and Search, a team of nobody yet.
  vi.mocked(api.teamHeatmap)
    .mockReset()
    .mockImplementation(async (scope) =>
      scope.kind === 'subtree' ? core.teamHeatmapGrace() : scope.team_id === search.id ? core.teamHeatmapSearch() : core.teamHeatmapPlatform(),
    );
  vi.mocked(api.orgSearch).mockReset().mockImplementation(core.orgSearchFor);
});

describe('TeamHeatmap', () => {
  it("shows a manager's subtree on the built-in framework", async () => {
    render(TeamHeatmap);
    expect(screen.getByTestId('heatmap-empty')).toBeTruthy();
    await fireEvent.input(screen.getByTestId('heatmap-person-search'), { target: { value: 'grace' } });
    await fireEvent.click(await screen.findByTestId('heatmap-person-search-result'));
    await screen.findByTestId('heatmap');
    expect(api.teamHeatmap).toHaveBeenCalledWith({ kind: 'subtree', person_id: grace.id }, 'ai-native-ic-leader', null);
    expect(screen.queryByTestId('heatmap-nobody-at-target')).toBeNull();
  });

  it('shows a team, and with a profile the skills where nobody reaches the target', async () => {
    render(TeamHeatmap);
    await fireEvent.click(screen.getByTestId('heatmap-scope-team'));
    await waitFor(() => expect(screen.getAllByRole('option', { name: /^Platform \(/ })).toHaveLength(1));
    await fireEvent.change(screen.getByTestId('heatmap-team'), { target: { value: String(platform.id) } });
    await waitFor(() => expect(api.teamHeatmap).toHaveBeenLastCalledWith({ kind: 'team', team_id: platform.id }, 'ai-native-ic-leader', null));
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'IC leader' })).toHaveLength(1));
    await fireEvent.change(screen.getByTestId('heatmap-profile'), { target: { value: String(icLeader.id) } });
    await waitFor(() => expect(api.teamHeatmap).toHaveBeenLastCalledWith({ kind: 'team', team_id: platform.id }, 'ai-native-ic-leader', icLeader.id));
    const callout = await screen.findByTestId('heatmap-nobody-at-target');
    const nobody = core.teamHeatmapPlatform().nobody_at_target;
    expect(callout.getAttribute('data-count')).toBe(String(nobody.length));
    const items = within(callout).getAllByTestId('heatmap-nobody-item');
    expect(items.map((i) => i.getAttribute('data-skill-key'))).toEqual(nobody);
    expect(nobodyItem(callout, 'delegating-work').textContent).toBe('Delegating to people and agents');
  });

  it('tells apart skills nobody reaches from skills nobody was rated in, and stays quiet for an empty scope', async () => {
    state.heatmapChoice.set({ kind: 'team', person: null, teamId: platform.id, frameworkKey: null, profileId: icLeader.id });
    render(TeamHeatmap);
    const callout = await screen.findByTestId('heatmap-nobody-at-target');
    expect(api.teamHeatmap).toHaveBeenCalledTimes(1);
    expect(api.teamHeatmap).toHaveBeenCalledWith({ kind: 'team', team_id: platform.id }, 'ai-native-ic-leader', icLeader.id);
    // Bo rated himself 2 in giving instructions (target 4); nobody rated refining from the output.
    expect(nobodyItem(callout, 'giving-instructions').textContent).not.toContain('nobody rated');
    expect(nobodyItem(callout, 'refining-from-output').textContent).toContain('(nobody rated yet)');
    state.heatmapChoice.update((c) => ({ ...c, teamId: search.id }));
    await screen.findByTestId('heatmap-no-rows');
    expect(screen.queryByTestId('heatmap-nobody-at-target')).toBeNull();
  });

  it('says so when every target is reached', async () => {
    // Every target reached by someone: what this test is about.
    vi.mocked(api.teamHeatmap).mockResolvedValue({ ...core.teamHeatmapPlatform(), nobody_at_target: [] });
    state.heatmapChoice.set({ kind: 'team', person: null, teamId: platform.id, frameworkKey: null, profileId: icLeader.id });
    render(TeamHeatmap);
    const callout = await screen.findByTestId('heatmap-nobody-at-target');
    expect(callout.getAttribute('data-count')).toBe('0');
    expect(callout.textContent).toContain('Every skill with a target');
  });

  it('drops a profile that is not one of the framework\'s', async () => {
    state.heatmapChoice.set({ kind: 'team', person: null, teamId: platform.id, frameworkKey: null, profileId: 999 });
    render(TeamHeatmap);
    await waitFor(() => expect(api.teamHeatmap).toHaveBeenLastCalledWith({ kind: 'team', team_id: platform.id }, 'ai-native-ic-leader', null));
    expect((screen.getByTestId('heatmap-profile') as HTMLSelectElement).value).toBe('');
  });

  it('shows the host error', async () => {
    vi.mocked(api.teamHeatmap).mockRejectedValue({ kind: 'not_found', message: 'no team with id 4' });
    state.heatmapChoice.set({ kind: 'team', person: null, teamId: 4, frameworkKey: null, profileId: null });
    render(TeamHeatmap);
    expect((await screen.findByTestId('error-alert')).textContent).toContain('no team with id 4');
  });
});
