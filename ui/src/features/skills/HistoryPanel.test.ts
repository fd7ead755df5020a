import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, skillHistory: vi.fn(), assessmentDelete: vi.fn(), assessmentRestore: vi.fn(), workspaceInfo: vi.fn() };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const { default: HistoryPanel } = await import('./HistoryPanel.svelte');
const { default: Toasts } = await import('../../lib/components/Toasts.svelte');

// Ada on the built-in framework: delegating rated four times (self 3 and
// manager 2 in 2026-H1, self 4 and manager 2 in 2026-H2), technical judgment
// once, seven skills never.
const history = core.skillHistoryAda();
const listed = core.assessmentListAda();
const byId = (id: number) => listed.find((a) => a.id === id)!;
const ada = core.personAda();
const person = { id: ada.id, name: 'Ada' };

beforeEach(() => {
  stores.toasts.set([]);
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.skillHistory).mockReset().mockResolvedValue(history);
  vi.mocked(api.assessmentDelete).mockReset();
  vi.mocked(api.assessmentRestore).mockReset();
});

describe('HistoryPanel', () => {
  it('shows each skill over time, the numbers as text too', async () => {
    render(HistoryPanel, { person, frameworkKey: 'k', assessments: [] });
    await screen.findByTestId('history-table');
    expect(api.skillHistory).toHaveBeenCalledWith(ada.id, 'k');
    const skills = screen.getAllByTestId('history-skill');
    const skill = (key: string) => skills[history.findIndex((h) => h.skill_key === key)];
    const deleg = skill('delegating-work');
    expect(deleg.getAttribute('data-points')).toBe('4');
    const points = within(deleg).getAllByTestId('history-point');
    expect(points.map((p) => [p.getAttribute('data-date'), p.getAttribute('data-role'), p.getAttribute('data-value')])).toEqual([
      ['2026-03-01', 'self', '3'],
      ['2026-03-05', 'manager', '2'],
      ['2026-07-18', 'self', '4'],
      ['2026-07-20', 'manager', '2'],
    ]);
    const moved = within(deleg).getByTestId('history-movement').textContent ?? '';
    expect(moved).toContain('Manager: 2 → 2');
    expect(moved).toContain('Self: 3 → 4 (+1)');
    const once = within(skill('technical-judgment')).getByTestId('history-movement').textContent ?? '';
    expect(once).toContain('Manager: 3');
    expect(once).not.toContain('Manager: 3 →');
    const spark = within(deleg).getByRole('img');
    expect(spark.getAttribute('aria-label')).toBe('Delegating to people and agents: Manager 2 to 2, Self 3 to 4');
    expect(spark.querySelectorAll('rect')).toHaveLength(2);
    expect(spark.querySelectorAll('circle')).toHaveLength(2);
    expect(skill('building-trust').textContent).toContain('Not rated');
  });

  it('shows round and version by each point and leads to its assessment row', async () => {
    render(HistoryPanel, { person, frameworkKey: 'k', assessments: listed });
    await screen.findByTestId('history-table');
    const deleg = screen.getAllByTestId('history-skill')[0];
    const points = within(deleg).getAllByTestId('history-point');
    // The manager's 2026-H1 assessment, then the self one of 2026-H2.
    const [first, second] = [history[0].points[1].assessment_id, history[0].points[2].assessment_id].map(String);
    expect(byId(Number(first))).toMatchObject({ assessor_role: 'manager', round: '2026-H1' });
    expect(points[1].getAttribute('data-assessment-id')).toBe(first);
    expect(points[1].getAttribute('data-round')).toBe('2026-H1');
    expect(points[1].getAttribute('data-version')).toBe('1');
    expect(points[1].textContent).toContain('2026-03-05');
    expect(points[1].textContent).toContain('2026-H1 · v1');
    expect(points[2].textContent).toContain('2026-H2 · v1');
    const row = (id: string) => screen.getAllByTestId('assessment-row').find((r) => r.getAttribute('data-assessment-id') === id)!;
    expect(screen.getAllByTestId('assessment-row').some((r) => r.hasAttribute('data-highlighted'))).toBe(false);
    await fireEvent.click(within(points[1]).getByTestId('history-point-show'));
    expect(row(first).getAttribute('data-highlighted')).toBe('true');
    expect(document.activeElement).toBe(row(first));
    expect(row(second).hasAttribute('data-highlighted')).toBe(false);
    await fireEvent.click(within(points[2]).getByTestId('history-point-show'));
    expect(row(second).getAttribute('data-highlighted')).toBe('true');
    expect(row(first).hasAttribute('data-highlighted')).toBe(false);
  });

  it('cannot lead to an assessment that is not in the list', async () => {
    // Only the self assessment of 2026-H2 is in the list.
    const only = byId(history[0].points[2].assessment_id);
    render(HistoryPanel, { person, frameworkKey: 'k', assessments: [only] });
    await screen.findByTestId('history-table');
    const buttons = within(screen.getAllByTestId('history-skill')[0]).getAllByTestId('history-point-show') as HTMLButtonElement[];
    expect(buttons.map((b) => b.disabled)).toEqual([true, true, false, true]);
  });

  it('deletes an assessment and undoes it', async () => {
    // The host deleting Ada's self assessment of 2026-H2.
    const deleted = core.assessmentDeleted();
    const a = byId(deleted.assessment.id);
    vi.mocked(api.assessmentDelete).mockResolvedValue(deleted);
    vi.mocked(api.assessmentRestore).mockResolvedValue(a);
    render(HistoryPanel, { person, frameworkKey: 'k', assessments: [a] });
    render(Toasts);
    const rev = get(stores.revision);
    const row = screen.getByTestId('assessment-row');
    expect(row.getAttribute('data-assessment-id')).toBe(String(a.id));
    await fireEvent.click(within(row).getByTestId('assessment-delete'));
    expect(api.assessmentDelete).toHaveBeenCalledWith(a.id);
    await screen.findByTestId('assessment-deleted-toast');
    expect(get(stores.revision)).toBe(rev + 1);
    await fireEvent.click(screen.getByTestId('undo-button'));
    await waitFor(() => expect(api.assessmentRestore).toHaveBeenCalledWith(deleted));
    await screen.findByTestId('assessment-restored-toast');
  });

  it('says when there is nothing yet', async () => {
    // Skills nobody rated Ada in yet.
    vi.mocked(api.skillHistory).mockResolvedValue(history.filter((h) => h.points.length === 0));
    render(HistoryPanel, { person, frameworkKey: 'k', assessments: [] });
    await screen.findByTestId('history-empty');
    expect(screen.getByTestId('assessment-list-empty')).toBeTruthy();
  });
});
