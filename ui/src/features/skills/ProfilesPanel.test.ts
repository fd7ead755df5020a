import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, profileList: vi.fn(), profileSave: vi.fn(), profileDelete: vi.fn(), workspaceInfo: vi.fn() };
});
const api = await import('../../lib/api');
const { default: ProfilesPanel } = await import('./ProfilesPanel.svelte');

const profileCol = (key: string) => screen.getAllByTestId('profile-row').find((r) => r.getAttribute('data-key') === key)!;
const target = (dialog: HTMLElement, skill: string) => within(dialog).getAllByTestId('profile-target').find((s) => s.getAttribute('data-skill-key') === skill)!;
// The built-in framework's four profiles and the user's own "My lead" (coaching 4, delegating 3).
const framework = core.frameworkBuiltin();
const profiles = core.profileList();
const myLead = profiles.find((p) => p.key === 'my-lead')!;

beforeEach(() => {
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.profileList).mockReset().mockResolvedValue(core.profileList());
  vi.mocked(api.profileSave).mockReset().mockImplementation(async (key, p) => ({ id: 99, framework_key: key, builtin: false, ...p }));
  vi.mocked(api.profileDelete).mockReset().mockResolvedValue(null);
});

describe('ProfilesPanel', () => {
  it('says which way a move into each profile goes, as the host stored it', async () => {
    render(ProfilesPanel, { framework });
    await screen.findAllByTestId('profile-row');
    for (const p of profiles) {
      const cell = within(profileCol(p.key)).getByTestId('profile-direction-cell');
      expect(cell.getAttribute('data-direction'), p.key).toBe(p.direction);
    }
    expect(within(profileCol('engineering-manager')).getByTestId('profile-direction-cell').textContent).toBe('into managing');
    expect(within(profileCol('ic-leader')).getByTestId('profile-direction-cell').textContent).toBe('IC role');
  });

  it('shows the target of every profile for every skill', async () => {
    render(ProfilesPanel, { framework });
    await waitFor(() => expect(screen.getAllByTestId('profile-row')).toHaveLength(profiles.length));
    const cell = screen
      .getAllByTestId('profile-target-cell')
      .find((c) => c.getAttribute('data-profile-key') === 'my-lead' && c.getAttribute('data-skill-key') === 'coaching')!;
    expect(cell.getAttribute('data-value')).toBe('4');
    const empty = screen
      .getAllByTestId('profile-target-cell')
      .find((c) => c.getAttribute('data-profile-key') === 'my-lead' && c.getAttribute('data-skill-key') === 'decomposing-work')!;
    expect(empty.getAttribute('data-value')).toBe('');
  });

  it('creates a profile with a target per skill', async () => {
    render(ProfilesPanel, { framework });
    await fireEvent.click(screen.getByTestId('profile-new'));
    const dialog = screen.getByTestId('profile-dialog');
    await fireEvent.input(within(dialog).getByTestId('profile-name'), { target: { value: 'Principal IC leader' } });
    expect((within(dialog).getByTestId('profile-key') as HTMLInputElement).value).toBe('principal-ic-leader');
    const selects = within(dialog).getAllByTestId('profile-target');
    expect(selects.map((s) => s.getAttribute('data-skill-key'))).toEqual(framework.areas.flatMap((a) => a.skills.map((s) => s.key)));
    expect(within(selects[0]).getAllByRole('option').map((o) => o.textContent)).toEqual(['No target', '1 · Learning', '2 · Practicing', '3 · Proficient', '4 · Leading', '5 · Shaping']);
    await fireEvent.change(target(dialog, 'delegating-work'), { target: { value: '5' } });
    await fireEvent.change(target(dialog, 'coaching'), { target: { value: '3' } });
    // A new profile starts as a move to an IC role; this one is chosen as a move into managing.
    expect((within(dialog).getByTestId('profile-direction-to-ic') as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(within(dialog).getByTestId('profile-direction-to-manager'));
    await fireEvent.click(within(dialog).getByTestId('profile-save'));
    await waitFor(() => expect(api.profileSave).toHaveBeenCalled());
    expect(api.profileSave).toHaveBeenCalledWith('ai-native-ic-leader', {
      key: 'principal-ic-leader',
      name: 'Principal IC leader',
      description: '',
      direction: 'to_manager',
      targets: { 'delegating-work': 5, coaching: 3 },
    });
    await waitFor(() => expect(screen.queryByTestId('profile-dialog')).toBeNull());
  });

  it('edits your own profile under its key, and copies a built-in one under a new key', async () => {
    // a target left over from a skill the newest version no longer has is not sent back
    vi.mocked(api.profileList).mockResolvedValue(core.profileList().map((p) => (p.key === 'my-lead' ? { ...p, targets: { ...p.targets, 'old-skill': 4 } } : p)));
    render(ProfilesPanel, { framework });
    await waitFor(() => expect(screen.getAllByTestId('profile-row')).toHaveLength(profiles.length));
    await fireEvent.click(within(profileCol('my-lead')).getByTestId('profile-edit'));
    let dialog = screen.getByTestId('profile-dialog');
    expect((within(dialog).getByTestId('profile-key') as HTMLInputElement).readOnly).toBe(true);
    await fireEvent.change(target(dialog, 'coaching'), { target: { value: '' } });
    await fireEvent.click(within(dialog).getByTestId('profile-save'));
    await waitFor(() =>
      expect(api.profileSave).toHaveBeenLastCalledWith('ai-native-ic-leader', { key: 'my-lead', name: 'My lead', description: 'Ours: coaching first', direction: 'to_ic', targets: { 'delegating-work': 3 } }),
    );
    await waitFor(() => expect(screen.queryByTestId('profile-dialog')).toBeNull());

    await fireEvent.click(within(profileCol('ic-leader')).getByTestId('profile-copy'));
    dialog = screen.getByTestId('profile-dialog');
    await fireEvent.click(within(dialog).getByTestId('profile-save'));
    await waitFor(() => expect(vi.mocked(api.profileSave).mock.calls.at(-1)?.[1]).toMatchObject({ key: 'ic-leader-my-copy', name: 'IC leader (my copy)', targets: { coaching: 3 } }));
  });

  it('deletes your own profile after asking; a refusal stays in the dialog', async () => {
    vi.mocked(api.profileDelete).mockRejectedValueOnce({ kind: 'conflict', message: 'in use' });
    render(ProfilesPanel, { framework });
    await waitFor(() => expect(screen.getAllByTestId('profile-row')).toHaveLength(profiles.length));
    await fireEvent.click(within(profileCol('my-lead')).getByTestId('profile-delete'));
    await fireEvent.click(screen.getByTestId('profile-delete-confirm'));
    expect((await within(screen.getByTestId('profile-delete-dialog')).findByTestId('error-alert')).textContent).toContain('in use');
    await fireEvent.click(screen.getByTestId('profile-delete-confirm'));
    await waitFor(() => expect(screen.queryByTestId('profile-delete-dialog')).toBeNull());
    expect(api.profileDelete).toHaveBeenCalledWith(myLead.id);
  });

  it('shows the problems of a refused profile', async () => {
    vi.mocked(api.profileSave).mockRejectedValue({ kind: 'framework_invalid', message: 'bad profile', problems: [{ message: 'profile: name is empty' }] });
    render(ProfilesPanel, { framework });
    await fireEvent.click(screen.getByTestId('profile-new'));
    await fireEvent.click(screen.getByTestId('profile-save'));
    expect((await screen.findByTestId('framework-problems')).textContent).toContain('name is empty');
  });
});
