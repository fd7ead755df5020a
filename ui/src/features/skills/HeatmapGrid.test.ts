import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';

import type { Heatmap } from '../../lib/bindings/Heatmap';
import * as core from '../../test/core';

const { default: HeatmapGrid } = await import('./HeatmapGrid.svelte');

// Grace's org on the IC leader profile: ten people, 14 skills; Ada rated
// delegating 2 (target 4), Katherine 4, Bo 2; seven skills rated by nobody.
const org = core.teamHeatmapGrace();

/** The org's rows over and over, as `people` people: how many is the point. */
function crowd(people: number): Heatmap {
  const h = core.teamHeatmapGrace();
  h.rows = Array.from({ length: people }, (_, i) => ({
    ...org.rows[i % org.rows.length],
    person_id: i + 1,
    name: `Person ${String(i).padStart(4, '0')}`,
  }));
  return h;
}

const names = () => screen.getAllByTestId('heatmap-row').map((r) => within(r).getByRole('rowheader').querySelector('.pname')!.textContent);
const rowOf = (name: string) => screen.getAllByTestId('heatmap-row').find((r) => within(r).getByRole('rowheader').querySelector('.pname')!.textContent === name)!;

describe('HeatmapGrid', () => {
  it('renders only the rows on screen out of 1,000 people × 14 skills', async () => {
    render(HeatmapGrid, { heatmap: crowd(1000) });
    const grid = screen.getByTestId('heatmap');
    expect(grid.getAttribute('data-total')).toBe('1000');
    const rows = screen.getAllByTestId('heatmap-row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
    expect(screen.getAllByTestId('heatmap-cell').length).toBe(rows.length * 14);
  });

  it('renders the rows of the scrolled-to window', async () => {
    render(HeatmapGrid, { heatmap: crowd(1000) });
    const grid = screen.getByTestId('heatmap');
    grid.scrollTop = 36 * 500;
    await fireEvent.scroll(grid);
    const ids = screen.getAllByTestId('heatmap-row').map((r) => Number(r.getAttribute('data-person-id')));
    expect(ids).toContain(501);
    expect(ids).not.toContain(1);
    expect(Math.max(...ids) - Math.min(...ids)).toBeLessThan(60);
    const row = screen.getAllByTestId('heatmap-row').find((r) => r.getAttribute('data-person-id') === '501')!;
    expect(row.getAttribute('aria-rowindex')).toBe('502');
  });

  it('prints the level in every cell, coloured by level, and marks cells below target', () => {
    render(HeatmapGrid, { heatmap: core.teamHeatmapGrace() });
    const cells = within(rowOf('Ada Lovelace')).getAllByTestId('heatmap-cell');
    expect(cells.slice(0, 3).map((c) => [c.getAttribute('data-skill-key'), c.getAttribute('data-value')])).toEqual([
      ['delegating-work', '2'],
      ['decomposing-work', '3'],
      ['refining-from-output', ''],
    ]);
    expect(cells[2].textContent?.trim()).toBe('—');
    expect(cells[0].classList.contains('lv-2')).toBe(true);
    // Delegating 2 under target 4; giving feedback 4 over target 3.
    expect(cells[0].classList.contains('below')).toBe(true);
    expect(cells[0].textContent).toContain('below target 4');
    expect(cells[4].getAttribute('data-value')).toBe('4');
    expect(cells[4].classList.contains('below')).toBe(false);
    const katherine = within(rowOf('Katherine Johnson')).getAllByTestId('heatmap-cell');
    expect([katherine[0].getAttribute('data-value'), katherine[0].classList.contains('below')]).toEqual(['4', false]);
  });

  it('names the levels from the framework scale in the legend and the cell titles', () => {
    render(HeatmapGrid, { heatmap: core.teamHeatmapGrace() });
    const legend = screen.getAllByTestId('heatmap-legend-level');
    expect(legend.map((l) => l.textContent?.replace(/\s+/g, ' ').trim())).toEqual(org.scale.map((label, i) => `${i + 1} ${label}`));
    const cells = within(rowOf('Ada Lovelace')).getAllByTestId('heatmap-cell');
    expect(cells[2].getAttribute('title')).toBe('Ada Lovelace · Refining from the output: not rated');
    expect(cells[1].getAttribute('title')).toBe('Ada Lovelace · Breaking down big work: 3 Proficient (below target 4)');
    expect(cells[4].getAttribute('title')).toBe('Ada Lovelace · Giving feedback: 4 Leading');
    expect(cells[4].textContent).toContain('Leading');
  });

  it('keeps the averages in a footer and the targets in the header', () => {
    render(HeatmapGrid, { heatmap: core.teamHeatmapGrace() });
    const avgs = screen.getAllByTestId('heatmap-average');
    expect(avgs.map((a) => a.getAttribute('data-skill-key'))).toEqual(org.skills.map((s) => s.key));
    // Delegating: Ada 2, Katherine 4, Bo 2; only Katherine at target.
    expect(avgs[0].getAttribute('data-value')).toBe('2.67');
    expect(avgs[0].textContent).toContain('2.7');
    expect(avgs[0].getAttribute('title')).toBe('Delegating to people and agents: 2.67, mean of 3 rated (of 10 people); 1 at target 4');
    expect(avgs[0].getAttribute('aria-label')).toContain('mean of 3 rated');
    expect(avgs[2].getAttribute('title')).toBe('Refining from the output: nobody rated (0 of 10 people); 0 at target 4');
    const label = avgs[0].parentElement!.querySelector('[role="rowheader"]')!.textContent ?? '';
    expect(label).toContain('Average of rated people');
    expect(label).not.toContain('10 people');
    const heads = screen.getAllByTestId('heatmap-skill');
    expect(heads.map((x) => x.getAttribute('data-target'))).toEqual(org.skills.map((s) => String(s.target)));
    expect(heads[0].textContent).toContain('T4');
  });

  it('sorts by a skill from its header and back, and filters by name', async () => {
    render(HeatmapGrid, { heatmap: core.teamHeatmapGrace() });
    // By name first (the rows the window shows).
    expect(names().slice(0, 6)).toEqual(['Ada Lovelace', 'Alan Turing', 'Alexander', 'Alexander', 'Bo Chen', 'Cy Diaz']);
    const head = screen.getAllByTestId('heatmap-skill')[0];
    await fireEvent.click(within(head).getByRole('button'));
    expect(head.getAttribute('aria-sort')).toBe('descending');
    // Delegating: Katherine 4, then Ada and Bo at 2 (by name), the unrated last.
    expect(names().slice(0, 4)).toEqual(['Katherine Johnson', 'Ada Lovelace', 'Bo Chen', 'Alan Turing']);
    await fireEvent.click(within(head).getByRole('button'));
    expect(head.getAttribute('aria-sort')).toBe('ascending');
    expect(names().slice(0, 3)).toEqual(['Ada Lovelace', 'Bo Chen', 'Katherine Johnson']);
    await fireEvent.input(screen.getByTestId('heatmap-filter'), { target: { value: 'kath' } });
    expect(names()).toEqual(['Katherine Johnson']);
    expect(screen.getByTestId('heatmap-count').getAttribute('data-value')).toBe('1');
    await fireEvent.input(screen.getByTestId('heatmap-filter'), { target: { value: 'nobody' } });
    expect(screen.getByTestId('heatmap-no-rows')).toBeTruthy();
  });

  it('renders names as text', () => {
    // A name with markup in it: what this test is about.
    const h = core.teamHeatmapGrace();
    h.rows = [{ ...h.rows[0], name: '<img src=x onerror=alert(1)>' }];
    render(HeatmapGrid, { heatmap: h });
    const row = screen.getByTestId('heatmap-row');
    expect(row.querySelector('img')).toBeNull();
    expect(row.textContent).toContain('<img src=x');
  });
});
