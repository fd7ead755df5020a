import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { heatmap, profiles, summaries } from '../../test/skillsFixtures';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, frameworkList: vi.fn(), teamList: vi.fn(), profileList: vi.fn(), teamHeatmap: vi.fn(), orgSearch: vi.fn() };
});
const api = await import('../../lib/api');
const state = await import('./skillsState');
const { default: TeamHeatmap } = await import('./TeamHeatmap.svelte');

beforeEach(() => {
  state.resetSkillsState();
  vi.mocked(api.frameworkList).mockReset().mockResolvedValue(summaries());
  vi.mocked(api.teamList).mockReset().mockResolvedValue([
    { id: 3, name: 'Payments', members: 12 },
    { id: 4, name: 'Search', members: 8 },
  ]);
  vi.mocked(api.profileList).mockReset().mockResolvedValue(profiles());
  vi.mocked(api.teamHeatmap).mockReset().mockResolvedValue(heatmap(4, 3));
  vi.mocked(api.orgSearch).mockReset().mockResolvedValue([{ id: 9, name: 'Grace Hopper', title: 'Director', kind: 'human', children: 3, span: 3, descendants: 40, disambiguation: null }]);
});

describe('TeamHeatmap', () => {
  it("shows a manager's subtree on the built-in framework", async () => {
    render(TeamHeatmap);
    expect(screen.getByTestId('heatmap-empty')).toBeTruthy();
    await fireEvent.input(screen.getByTestId('heatmap-person-search'), { target: { value: 'grace' } });
    await fireEvent.click(await screen.findByTestId('heatmap-person-search-result'));
    await screen.findByTestId('heatmap');
    expect(api.teamHeatmap).toHaveBeenCalledWith({ kind: 'subtree', person_id: 9 }, 'ai-native-ic-leader', null);
    expect(screen.queryByTestId('heatmap-nobody-at-target')).toBeNull();
  });

  it('shows a team, and with a profile the skills where nobody reaches the target', async () => {
    render(TeamHeatmap);
    await fireEvent.click(screen.getByTestId('heatmap-scope-team'));
    await waitFor(() => expect(screen.getAllByRole('option', { name: /Payments/ })).toHaveLength(1));
    await fireEvent.change(screen.getByTestId('heatmap-team'), { target: { value: '3' } });
    await waitFor(() => expect(api.teamHeatmap).toHaveBeenLastCalledWith({ kind: 'team', team_id: 3 }, 'ai-native-ic-leader', null));
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'IC leader' })).toHaveLength(1));
    await fireEvent.change(screen.getByTestId('heatmap-profile'), { target: { value: '22' } });
    await waitFor(() => expect(api.teamHeatmap).toHaveBeenLastCalledWith({ kind: 'team', team_id: 3 }, 'ai-native-ic-leader', 22));
    const callout = await screen.findByTestId('heatmap-nobody-at-target');
    expect(callout.getAttribute('data-count')).toBe('1');
    const items = within(callout).getAllByTestId('heatmap-nobody-item');
    expect(items.map((i) => [i.getAttribute('data-skill-key'), i.textContent])).toEqual([['skill-0', 'Skill number 0']]);
  });

  it('tells apart skills nobody reaches from skills nobody was rated in, and stays quiet for an empty scope', async () => {
    const h = heatmap(4, 3, { nobody_at_target: ['skill-0', 'skill-1'] });
    h.skills[1].rated = 0;
    vi.mocked(api.teamHeatmap).mockResolvedValueOnce(h).mockResolvedValue(heatmap(0, 3));
    state.heatmapChoice.set({ kind: 'team', person: null, teamId: 4, frameworkKey: null, profileId: 21 });
    render(TeamHeatmap);
    const callout = await screen.findByTestId('heatmap-nobody-at-target');
    expect(api.teamHeatmap).toHaveBeenCalledTimes(1);
    expect(api.teamHeatmap).toHaveBeenCalledWith({ kind: 'team', team_id: 4 }, 'ai-native-ic-leader', 21);
    const [reached, unrated] = within(callout).getAllByTestId('heatmap-nobody-item');
    expect(reached.textContent).not.toContain('nobody rated');
    expect(unrated.textContent).toContain('(nobody rated yet)');
    state.heatmapChoice.update((c) => ({ ...c, teamId: 3 }));
    await screen.findByTestId('heatmap-no-rows');
    expect(screen.queryByTestId('heatmap-nobody-at-target')).toBeNull();
  });

  it('says so when every target is reached', async () => {
    vi.mocked(api.teamHeatmap).mockResolvedValue(heatmap(4, 3, { nobody_at_target: [] }));
    state.heatmapChoice.set({ kind: 'team', person: null, teamId: 4, frameworkKey: null, profileId: 21 });
    render(TeamHeatmap);
    const callout = await screen.findByTestId('heatmap-nobody-at-target');
    expect(callout.getAttribute('data-count')).toBe('0');
    expect(callout.textContent).toContain('Every skill with a target');
  });

  it('drops a profile that is not one of the framework\'s', async () => {
    state.heatmapChoice.set({ kind: 'team', person: null, teamId: 4, frameworkKey: null, profileId: 999 });
    render(TeamHeatmap);
    await waitFor(() => expect(api.teamHeatmap).toHaveBeenLastCalledWith({ kind: 'team', team_id: 4 }, 'ai-native-ic-leader', null));
    expect((screen.getByTestId('heatmap-profile') as HTMLSelectElement).value).toBe('');
  });

  it('shows the host error', async () => {
    vi.mocked(api.teamHeatmap).mockRejectedValue({ kind: 'not_found', message: 'no team with id 4' });
    state.heatmapChoice.set({ kind: 'team', person: null, teamId: 4, frameworkKey: null, profileId: null });
    render(TeamHeatmap);
    expect((await screen.findByTestId('error-alert')).textContent).toContain('no team with id 4');
  });
});
