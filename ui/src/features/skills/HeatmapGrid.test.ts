import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';

import { heatmap } from '../../test/skillsFixtures';

const { default: HeatmapGrid } = await import('./HeatmapGrid.svelte');

const names = () => screen.getAllByTestId('heatmap-row').map((r) => within(r).getByRole('rowheader').querySelector('.pname')!.textContent);

describe('HeatmapGrid', () => {
  it('renders only the rows on screen out of 1,000 people × 15 skills', async () => {
    render(HeatmapGrid, { heatmap: heatmap(1000, 15) });
    const grid = screen.getByTestId('heatmap');
    expect(grid.getAttribute('data-total')).toBe('1000');
    const rows = screen.getAllByTestId('heatmap-row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
    expect(screen.getAllByTestId('heatmap-cell').length).toBe(rows.length * 15);
  });

  it('renders the rows of the scrolled-to window', async () => {
    render(HeatmapGrid, { heatmap: heatmap(1000, 15) });
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
    render(HeatmapGrid, { heatmap: heatmap(3, 3) });
    const first = screen.getAllByTestId('heatmap-row')[0];
    const cells = within(first).getAllByTestId('heatmap-cell');
    expect(cells.map((c) => [c.getAttribute('data-skill-key'), c.getAttribute('data-value')])).toEqual([
      ['skill-0', ''],
      ['skill-1', '2'],
      ['skill-2', '3'],
    ]);
    expect(cells[0].textContent?.trim()).toBe('—');
    expect(cells[1].classList.contains('lv-2')).toBe(true);
    const second = within(screen.getAllByTestId('heatmap-row')[1]).getAllByTestId('heatmap-cell');
    // person 1, skill 0: level 2 under target 5
    expect(second[0].getAttribute('data-value')).toBe('2');
    expect(second[0].classList.contains('below')).toBe(true);
    expect(second[0].textContent).toContain('below target 5');
    expect(second[1].classList.contains('below')).toBe(false);
  });

  it('names the levels from the framework scale in the legend and the cell titles', () => {
    render(HeatmapGrid, { heatmap: heatmap(3, 3, { scale: ['Novice', 'Capable', 'Solid', 'Strong', 'Expert'] }) });
    const legend = screen.getAllByTestId('heatmap-legend-level');
    expect(legend.map((l) => l.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['1 Novice', '2 Capable', '3 Solid', '4 Strong', '5 Expert']);
    const [first, second] = screen.getAllByTestId('heatmap-row');
    const cells = within(first).getAllByTestId('heatmap-cell');
    expect(cells[0].getAttribute('title')).toBe('Person 0000 · Skill number 0: not rated');
    expect(cells[1].getAttribute('title')).toBe('Person 0000 · Skill number 1: 2 Capable');
    expect(cells[1].textContent).toContain('Capable');
    expect(within(second).getAllByTestId('heatmap-cell')[0].getAttribute('title')).toBe('Person 0001 · Skill number 0: 2 Capable (below target 5)');
  });

  it('keeps the averages in a footer and the targets in the header', () => {
    const h = heatmap(3, 3);
    h.skills[1].average = 2.666666;
    h.skills[1].rated = 2;
    h.skills[1].at_target = 1;
    h.skills[2].average = null;
    h.skills[2].rated = 0;
    render(HeatmapGrid, { heatmap: h });
    const avgs = screen.getAllByTestId('heatmap-average');
    expect(avgs.map((a) => a.getAttribute('data-skill-key'))).toEqual(['skill-0', 'skill-1', 'skill-2']);
    expect(avgs[1].getAttribute('data-value')).toBe('2.67');
    expect(avgs[1].textContent).toContain('2.7');
    expect(avgs[1].getAttribute('title')).toBe('Skill number 1: 2.67, mean of 2 rated (of 3 people); 1 at target 2');
    expect(avgs[1].getAttribute('aria-label')).toContain('mean of 2 rated');
    expect(avgs[2].getAttribute('title')).toBe('Skill number 2: nobody rated (0 of 3 people)');
    const label = avgs[0].parentElement!.querySelector('[role="rowheader"]')!.textContent ?? '';
    expect(label).toContain('Average of rated people');
    expect(label).not.toContain('3 people');
    const heads = screen.getAllByTestId('heatmap-skill');
    expect(heads.map((x) => x.getAttribute('data-target'))).toEqual(['5', '2', '']);
    expect(heads[0].textContent).toContain('T5');
  });

  it('sorts by a skill from its header and back, and filters by name', async () => {
    render(HeatmapGrid, { heatmap: heatmap(5, 2) });
    expect(names()).toEqual(['Person 0000', 'Person 0001', 'Person 0002', 'Person 0003', 'Person 0004']);
    const head = screen.getAllByTestId('heatmap-skill')[1];
    await fireEvent.click(within(head).getByRole('button'));
    expect(head.getAttribute('aria-sort')).toBe('descending');
    // skill 1: person i has (i + 1) % 5 + 1 -> 2,3,4,5,1
    expect(names()).toEqual(['Person 0003', 'Person 0002', 'Person 0001', 'Person 0000', 'Person 0004']);
    await fireEvent.click(within(head).getByRole('button'));
    expect(head.getAttribute('aria-sort')).toBe('ascending');
    expect(names()[0]).toBe('Person 0004');
    await fireEvent.input(screen.getByTestId('heatmap-filter'), { target: { value: '0002' } });
    expect(names()).toEqual(['Person 0002']);
    expect(screen.getByTestId('heatmap-count').getAttribute('data-value')).toBe('1');
    await fireEvent.input(screen.getByTestId('heatmap-filter'), { target: { value: 'nobody' } });
    expect(screen.getByTestId('heatmap-no-rows')).toBeTruthy();
  });

  it('renders names as text', () => {
    const h = heatmap(1, 1);
    h.rows[0].name = '<img src=x onerror=alert(1)>';
    render(HeatmapGrid, { heatmap: h });
    const row = screen.getByTestId('heatmap-row');
    expect(row.querySelector('img')).toBeNull();
    expect(row.textContent).toContain('<img src=x');
  });
});
