import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { SkillHistory } from '../../lib/bindings/SkillHistory';
import { assessment } from '../../test/skillsFixtures';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, skillHistory: vi.fn(), assessmentDelete: vi.fn(), assessmentRestore: vi.fn(), workspaceInfo: vi.fn() };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const { default: HistoryPanel } = await import('./HistoryPanel.svelte');
const { default: Toasts } = await import('../../lib/components/Toasts.svelte');

const history: SkillHistory[] = [
  {
    skill_key: 'delegating-work',
    skill_name: 'Delegating',
    points: [
      { assessment_id: 70, round: '2025-H2', framework_version: 1, assessed_on: '2025-10-01', assessor_role: 'manager', level: 2 },
      { assessment_id: 77, round: '2026-H1', framework_version: 2, assessed_on: '2026-03-01', assessor_role: 'self', level: 3 },
      { assessment_id: 78, round: '2026-H1', framework_version: 2, assessed_on: '2026-03-05', assessor_role: 'manager', level: 3 },
    ],
  },
  { skill_key: 'coaching', skill_name: 'Coaching', points: [] },
];

const person = { id: 4, name: 'Ada' };

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
    expect(api.skillHistory).toHaveBeenCalledWith(4, 'k');
    const [deleg, coaching] = screen.getAllByTestId('history-skill');
    expect(deleg.getAttribute('data-points')).toBe('3');
    const points = within(deleg).getAllByTestId('history-point');
    expect(points.map((p) => [p.getAttribute('data-date'), p.getAttribute('data-role'), p.getAttribute('data-value')])).toEqual([
      ['2025-10-01', 'manager', '2'],
      ['2026-03-01', 'self', '3'],
      ['2026-03-05', 'manager', '3'],
    ]);
    const moved = within(deleg).getByTestId('history-movement').textContent ?? '';
    expect(moved).toContain('Manager: 2 → 3 (+1)');
    expect(moved).toContain('Self: 3');
    expect(moved).not.toContain('Self: 3 →');
    const spark = within(deleg).getByRole('img');
    expect(spark.getAttribute('aria-label')).toBe('Delegating: Manager 2 to 3, Self 3 to 3');
    expect(spark.querySelectorAll('rect')).toHaveLength(2);
    expect(spark.querySelectorAll('circle')).toHaveLength(1);
    expect(coaching.textContent).toContain('Not rated');
  });

  it('shows round and version by each point and leads to its assessment row', async () => {
    const rows = [assessment({ id: 78, assessor_role: 'manager', assessed_on: '2026-03-05' }), assessment({ id: 77 }), assessment({ id: 70, assessed_on: '2025-10-01' })];
    render(HistoryPanel, { person, frameworkKey: 'k', assessments: rows });
    await screen.findByTestId('history-table');
    const deleg = screen.getAllByTestId('history-skill')[0];
    const points = within(deleg).getAllByTestId('history-point');
    expect(points[1].getAttribute('data-assessment-id')).toBe('77');
    expect(points[1].getAttribute('data-round')).toBe('2026-H1');
    expect(points[1].getAttribute('data-version')).toBe('2');
    expect(points[1].textContent).toContain('2026-03-01');
    expect(points[1].textContent).toContain('2026-H1 · v2');
    expect(points[0].textContent).toContain('2025-H2 · v1');
    const row = (id: string) => screen.getAllByTestId('assessment-row').find((r) => r.getAttribute('data-assessment-id') === id)!;
    expect(screen.getAllByTestId('assessment-row').some((r) => r.hasAttribute('data-highlighted'))).toBe(false);
    await fireEvent.click(within(points[1]).getByTestId('history-point-show'));
    expect(row('77').getAttribute('data-highlighted')).toBe('true');
    expect(document.activeElement).toBe(row('77'));
    expect(row('78').hasAttribute('data-highlighted')).toBe(false);
    await fireEvent.click(within(points[2]).getByTestId('history-point-show'));
    expect(row('78').getAttribute('data-highlighted')).toBe('true');
    expect(row('77').hasAttribute('data-highlighted')).toBe(false);
  });

  it('cannot lead to an assessment that is not in the list', async () => {
    render(HistoryPanel, { person, frameworkKey: 'k', assessments: [assessment({ id: 77 })] });
    await screen.findByTestId('history-table');
    const buttons = within(screen.getAllByTestId('history-skill')[0]).getAllByTestId('history-point-show') as HTMLButtonElement[];
    expect(buttons.map((b) => b.disabled)).toEqual([true, false, true]);
  });

  it('deletes an assessment and undoes it', async () => {
    const a = assessment({ id: 77, assessed_on: '2026-03-01' });
    const deleted = { undo_id: 5, assessment: a };
    vi.mocked(api.assessmentDelete).mockResolvedValue(deleted);
    vi.mocked(api.assessmentRestore).mockResolvedValue(a);
    render(HistoryPanel, { person, frameworkKey: 'k', assessments: [a] });
    render(Toasts);
    const rev = get(stores.revision);
    const row = screen.getByTestId('assessment-row');
    expect(row.getAttribute('data-assessment-id')).toBe('77');
    await fireEvent.click(within(row).getByTestId('assessment-delete'));
    expect(api.assessmentDelete).toHaveBeenCalledWith(77);
    await screen.findByTestId('assessment-deleted-toast');
    expect(get(stores.revision)).toBe(rev + 1);
    await fireEvent.click(screen.getByTestId('undo-button'));
    await waitFor(() => expect(api.assessmentRestore).toHaveBeenCalledWith(deleted));
    await screen.findByTestId('assessment-restored-toast');
  });

  it('says when there is nothing yet', async () => {
    vi.mocked(api.skillHistory).mockResolvedValue([{ skill_key: 'coaching', skill_name: 'Coaching', points: [] }]);
    render(HistoryPanel, { person, frameworkKey: 'k', assessments: [] });
    await screen.findByTestId('history-empty');
    expect(screen.getByTestId('assessment-list-empty')).toBeTruthy();
  });
});
