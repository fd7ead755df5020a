import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { FrameworkFile } from '../../lib/bindings/FrameworkFile';
import { framework, frameworkFile, profiles, summaries } from '../../test/skillsFixtures';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return {
    ...real,
    frameworkList: vi.fn(),
    frameworkGet: vi.fn(),
    frameworkDocument: vi.fn(),
    frameworkSave: vi.fn(),
    frameworkImport: vi.fn(),
    frameworkImportPreview: vi.fn(),
    frameworkPickFile: vi.fn(),
    frameworkExportPick: vi.fn(),
    profileList: vi.fn(),
    workspaceInfo: vi.fn(),
  };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const state = await import('./skillsState');
const { default: FrameworksPane } = await import('./FrameworksPane.svelte');

const userFramework = () => framework({ id: 7, key: 'platform-craft', version: 2, name: 'Platform craft', builtin: false });

beforeEach(() => {
  state.resetSkillsState();
  stores.toasts.set([]);
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.frameworkList).mockReset().mockResolvedValue(summaries());
  vi.mocked(api.frameworkGet).mockReset().mockImplementation(async (id) => (id === 7 ? userFramework() : framework({ id })));
  vi.mocked(api.frameworkDocument).mockReset().mockImplementation(async (id) =>
    id === 7 ? frameworkFile({ key: 'platform-craft', name: 'Platform craft', version: 2, profiles: [] }) : frameworkFile(),
  );
  vi.mocked(api.frameworkSave).mockReset();
  vi.mocked(api.frameworkImport).mockReset();
  vi.mocked(api.frameworkImportPreview)
    .mockReset()
    .mockImplementation(async () => ({ file: frameworkFile({ key: 'team-craft', name: 'Team craft' }), existing: null, outcome: 'create' }));
  vi.mocked(api.profileList).mockReset().mockResolvedValue(profiles());
  vi.mocked(api.frameworkPickFile).mockReset();
  vi.mocked(api.frameworkExportPick).mockReset();
});

const toastIds = () => get(stores.toasts).map((t) => t.testid);

describe('FrameworksPane', () => {
  it('lists every version with its counts and a built-in badge', async () => {
    render(FrameworksPane);
    await waitFor(() => expect(screen.getAllByTestId('framework-row')).toHaveLength(3));
    const rows = screen.getAllByTestId('framework-row');
    expect(rows.map((r) => [r.getAttribute('data-key'), r.getAttribute('data-version')])).toEqual([
      ['ai-native-ic-leader', '1'],
      ['platform-craft', '2'],
      ['platform-craft', '1'],
    ]);
    expect(within(rows[0]).queryByTestId('framework-builtin')).not.toBeNull();
    expect(within(rows[1]).queryByTestId('framework-builtin')).toBeNull();
    expect(rows[2].textContent).toContain('Older version');
    expect(rows[2].querySelectorAll('[data-value]')[2].getAttribute('data-value')).toBe('3');
  });

  it('shows a framework with its areas, skills and five levels; a built-in one cannot be edited', async () => {
    render(FrameworksPane);
    await waitFor(() => expect(screen.getAllByTestId('framework-open').length).toBe(3));
    await fireEvent.click(screen.getAllByTestId('framework-open')[0]);
    const view = await screen.findByTestId('framework-view');
    expect(view.getAttribute('data-key')).toBe('ai-native-ic-leader');
    expect(screen.getAllByTestId('framework-skill')).toHaveLength(3);
    expect(within(screen.getAllByTestId('framework-skill')[0]).getAllByTestId('framework-level')).toHaveLength(5);
    expect(screen.queryByTestId('framework-edit')).toBeNull();
    expect(screen.getByTestId('framework-duplicate')).toBeTruthy();
    // profiles of the key, built-in ones read-only
    await waitFor(() => expect(screen.getAllByTestId('profile-row')).toHaveLength(3));
    const builtinProfile = screen.getAllByTestId('profile-row')[0];
    expect(within(builtinProfile).queryByTestId('profile-edit')).toBeNull();
    expect(within(builtinProfile).queryByTestId('profile-delete')).toBeNull();
  });

  it('duplicates a built-in framework under a new key, with its profiles', async () => {
    state.frameworkShown.set(1);
    vi.mocked(api.frameworkSave).mockResolvedValue(framework({ id: 40, key: 'ai-native-ic-leader-my-copy', builtin: false }));
    render(FrameworksPane);
    await fireEvent.click(await screen.findByTestId('framework-duplicate'));
    const editor = await screen.findByTestId('framework-editor');
    expect(editor.getAttribute('data-mode')).toBe('duplicate');
    expect((screen.getByTestId('fw-key') as HTMLInputElement).value).toBe('ai-native-ic-leader-my-copy');
    await fireEvent.click(screen.getByTestId('fw-save'));
    await waitFor(() => expect(api.frameworkSave).toHaveBeenCalled());
    const file = vi.mocked(api.frameworkSave).mock.calls[0][0];
    expect(file.key).toBe('ai-native-ic-leader-my-copy');
    expect(file.name).toBe('AI-native IC leader (my copy)');
    expect(file.profiles.map((p) => p.key)).toEqual(['ic-leader']);
    expect(file.areas.flatMap((a) => a.skills.map((s) => s.levels.length))).toEqual([5, 5, 5]);
    await waitFor(() => expect(get(state.frameworkShown)).toBe(40));
    expect(toastIds()).toContain('framework-saved-toast');
  });

  it('edits a framework and says when the save made a new version', async () => {
    state.frameworkShown.set(7);
    vi.mocked(api.frameworkList).mockResolvedValue(summaries().map((s) => (s.id === 7 ? { ...s, assessments: 2 } : s)));
    vi.mocked(api.frameworkSave).mockResolvedValue(framework({ id: 8, key: 'platform-craft', version: 3, builtin: false }));
    render(FrameworksPane);
    await fireEvent.click(await screen.findByTestId('framework-edit'));
    await screen.findByTestId('framework-editor');
    expect(screen.getByTestId('fw-version-note').textContent).toContain('Saving creates version 3');
    expect((screen.getByTestId('fw-key') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getAllByTestId('fw-skill-key')[0] as HTMLInputElement).readOnly).toBe(true);
    await fireEvent.input(screen.getByTestId('fw-name'), { target: { value: 'Platform craft 2026' } });
    const level = screen.getAllByTestId('fw-skill-level')[0];
    await fireEvent.input(level, { target: { value: 'Joins incidents and takes notes.' } });
    await fireEvent.click(screen.getAllByTestId('fw-skill-add')[0]);
    const firstArea = screen.getAllByTestId('fw-area')[0];
    const names = within(firstArea).getAllByTestId('fw-skill-name');
    expect(names).toHaveLength(3);
    await fireEvent.input(names[2], { target: { value: 'Pairing with agents' } });
    await fireEvent.click(screen.getByTestId('fw-save'));
    await waitFor(() => expect(api.frameworkSave).toHaveBeenCalled());
    const file = vi.mocked(api.frameworkSave).mock.calls[0][0] as FrameworkFile;
    expect(file.key).toBe('platform-craft');
    expect(file.name).toBe('Platform craft 2026');
    expect(file.areas[0].skills[0].levels[0]).toBe('Joins incidents and takes notes.');
    expect(file.areas[0].skills.map((s) => s.key)).toEqual(['delegating-work', 'decomposing-work', 'pairing-with-agents']);
    await waitFor(() => expect(toastIds()).toContain('framework-new-version-toast'));
    expect(get(state.frameworkShown)).toBe(8);
  });

  it('lists every problem of a refused framework and keeps the editor open', async () => {
    vi.mocked(api.frameworkSave).mockRejectedValue({
      kind: 'framework_invalid',
      message: 'The framework has 2 problems',
      problems: [{ message: 'name is empty' }, { message: 'areas[0].skills[0] (X): level 3 has no description' }],
    });
    render(FrameworksPane);
    await fireEvent.click(screen.getByTestId('framework-new'));
    await fireEvent.click(await screen.findByTestId('fw-save'));
    const problems = await screen.findByTestId('framework-problems');
    expect(within(problems).getAllByTestId('framework-problem').map((p) => p.textContent)).toEqual([
      'name is empty',
      'areas[0].skills[0] (X): level 3 has no description',
    ]);
    expect(screen.getByTestId('framework-editor')).toBeTruthy();
    expect(screen.getByTestId('error-alert').getAttribute('data-kind')).toBe('framework_invalid');
  });

  it('refuses a new framework whose key is taken, before asking the host', async () => {
    render(FrameworksPane);
    await waitFor(() => expect(screen.getAllByTestId('framework-row')).toHaveLength(3));
    await fireEvent.click(screen.getByTestId('framework-new'));
    await fireEvent.input(await screen.findByTestId('fw-name'), { target: { value: 'Platform craft' } });
    expect((screen.getByTestId('fw-key') as HTMLInputElement).value).toBe('platform-craft-2');
    await fireEvent.input(screen.getByTestId('fw-key'), { target: { value: 'platform-craft' } });
    await fireEvent.click(screen.getByTestId('fw-save'));
    expect((await screen.findByTestId('framework-problems')).textContent).toContain('already used');
    expect(api.frameworkSave).not.toHaveBeenCalled();
  });

  it('imports the file chosen after the confirmation and opens the framework; shows the problems of a bad file', async () => {
    vi.mocked(api.frameworkPickFile).mockResolvedValue('/tmp/bad.json');
    vi.mocked(api.frameworkImportPreview).mockRejectedValueOnce({
      kind: 'framework_invalid',
      message: 'not a framework',
      problems: [{ message: 'scale must have 5 non-empty labels, it has 3' }],
    });
    render(FrameworksPane);
    expect(screen.queryByTestId('framework-import-path'), 'no typed path').toBeNull();
    await fireEvent.click(screen.getByTestId('framework-import'));
    expect((await screen.findByTestId('framework-problems')).textContent).toContain('scale must have 5');
    expect(api.frameworkImportPreview).toHaveBeenCalledWith('/tmp/bad.json');
    expect(screen.queryByTestId('framework-import-confirm')).toBeNull();
    await fireEvent.click(screen.getByTestId('framework-import'));
    const dialog = await screen.findByTestId('framework-import-confirm');
    expect(within(dialog).getByTestId('framework-import-outcome').textContent).toContain('creates a new framework, “Team craft”');
    expect(api.frameworkImport).not.toHaveBeenCalled();
    vi.mocked(api.frameworkImport).mockResolvedValueOnce(userFramework());
    await fireEvent.click(within(dialog).getByTestId('framework-import-confirm-ok'));
    expect(api.frameworkImport).toHaveBeenCalledWith('/tmp/bad.json');
    await waitFor(() => expect(get(state.frameworkShown)).toBe(7));
    expect(toastIds()).toContain('framework-imported-toast');
    expect(screen.queryByTestId('framework-import-confirm')).toBeNull();
  });

  it('says a version with assessments gets a new version, and imports nothing on cancel', async () => {
    vi.mocked(api.frameworkImportPreview).mockResolvedValue({
      file: frameworkFile({ key: 'platform-craft', name: 'Platform craft' }),
      existing: { ...summaries()[1], assessments: 5 },
      outcome: 'new_version',
    });
    vi.mocked(api.frameworkPickFile).mockResolvedValue('/tmp/pc.json');
    render(FrameworksPane);
    await fireEvent.click(screen.getByTestId('framework-import'));
    const dialog = await screen.findByTestId('framework-import-confirm');
    expect(within(dialog).getByTestId('framework-import-outcome').textContent).toBe('This adds version 3 of “Platform craft”. Its 5 assessments keep version 2.');
    await fireEvent.click(within(dialog).getByTestId('framework-import-confirm-cancel'));
    expect(screen.queryByTestId('framework-import-confirm')).toBeNull();
    expect(api.frameworkImport).not.toHaveBeenCalled();
  });

  it('refuses a built-in key and offers the file under a new key in the editor', async () => {
    vi.mocked(api.frameworkImportPreview).mockResolvedValue({ file: frameworkFile(), existing: summaries()[0], outcome: 'refused_builtin' });
    render(FrameworksPane);
    await waitFor(() => expect(screen.getAllByTestId('framework-row')).toHaveLength(3));
    vi.mocked(api.frameworkPickFile).mockResolvedValue('/tmp/ai.json');
    await fireEvent.click(screen.getByTestId('framework-import'));
    const dialog = await screen.findByTestId('framework-import-confirm');
    expect(within(dialog).getByTestId('framework-import-outcome').textContent).toContain('“AI-native IC leader” is built-in');
    expect(within(dialog).queryByTestId('framework-import-confirm-ok')).toBeNull();
    await fireEvent.click(within(dialog).getByTestId('framework-import-confirm-rekey'));
    const editor = await screen.findByTestId('framework-editor');
    expect(editor.getAttribute('data-mode')).toBe('duplicate');
    expect((screen.getByTestId('fw-key') as HTMLInputElement).value).not.toBe('ai-native-ic-leader');
    expect(api.frameworkImport).not.toHaveBeenCalled();
  });

  it('imports through the native dialog after the confirmation, and does nothing when it is cancelled', async () => {
    vi.mocked(api.frameworkPickFile).mockResolvedValueOnce(null).mockResolvedValueOnce('/home/me/f.json');
    vi.mocked(api.frameworkImport).mockResolvedValue(userFramework());
    vi.mocked(api.frameworkImportPreview).mockResolvedValue({
      file: frameworkFile({ key: 'platform-craft', name: 'Platform craft' }),
      existing: summaries()[1],
      outcome: 'replace',
    });
    render(FrameworksPane);
    await fireEvent.click(screen.getByTestId('framework-import'));
    await waitFor(() => expect(api.frameworkPickFile).toHaveBeenCalledTimes(1));
    expect(api.frameworkImportPreview).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('framework-import'));
    const dialog = await screen.findByTestId('framework-import-confirm');
    expect(api.frameworkImportPreview).toHaveBeenCalledWith('/home/me/f.json');
    expect(within(dialog).getByTestId('framework-import-outcome').textContent).toContain('replaces the existing “Platform craft” v2');
    expect(api.frameworkImport).not.toHaveBeenCalled();
    await fireEvent.click(within(dialog).getByTestId('framework-import-confirm-ok'));
    await waitFor(() => expect(api.frameworkImport).toHaveBeenCalledWith('/home/me/f.json'));
  });

  // What the export button does (FileExport.test.ts); here, that it saves this version.
  it('exports the version shown through the save dialog; a failure is an error toast', async () => {
    state.frameworkShown.set(1);
    vi.mocked(api.frameworkExportPick)
      .mockRejectedValueOnce({ kind: 'io', message: 'cannot write /root/f.json' })
      .mockResolvedValueOnce('/home/me/AI-native IC leader v1.json');
    render(FrameworksPane);
    const button = await screen.findByTestId('framework-export');
    expect(button.getAttribute('title')).toContain('A JSON file with the areas, skills, levels and role profiles');
    await fireEvent.click(button);
    await waitFor(() => expect(toastIds()).toContain('framework-export-error'));
    expect(get(stores.toasts).find((t) => t.testid === 'framework-export-error')?.message).toBe('Could not export: cannot write /root/f.json');
    await fireEvent.click(button);
    await waitFor(() => expect(toastIds()).toContain('framework-export-toast'));
    expect(vi.mocked(api.frameworkExportPick).mock.calls).toEqual([[1], [1]]);
  });
});
