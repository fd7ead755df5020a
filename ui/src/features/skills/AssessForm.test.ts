import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, assessmentCreate: vi.fn(), assessmentList: vi.fn(), assessmentCompare: vi.fn(), gapAnalysis: vi.fn(), today: vi.fn() };
});
const api = await import('../../lib/api');
const { default: AssessForm } = await import('./AssessForm.svelte');

const ada = core.personAda();
const person = { id: ada.id, name: ada.name };
// The built-in framework: 14 skills in five areas, levels Learning to Shaping.
const framework = core.frameworkBuiltin();
const saved = core.assessmentListAda()[0];

function row(key: string) {
  return screen.getAllByTestId('assess-skill').find((el) => el.getAttribute('data-skill-key') === key)!;
}

async function choose(key: string, level: number) {
  const radio = within(row(key))
    .getAllByTestId('assess-level')
    .find((el) => el.getAttribute('data-level') === String(level))!;
  await fireEvent.click(radio);
}

beforeEach(() => {
  vi.mocked(api.assessmentCreate).mockReset().mockResolvedValue(saved);
  vi.mocked(api.today).mockReset().mockResolvedValue('2026-03-02');
});

describe('AssessForm', () => {
  it('shows every skill grouped by area, with its five level descriptions as radio options', () => {
    render(AssessForm, { person, framework, onsaved: vi.fn(), today: '2026-07-14' });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Directing work',
      'Communicating intent',
      'Systems and ownership',
      'Technical depth',
      'Leading people',
    ]);
    expect(screen.getAllByTestId('assess-skill').map((el) => el.getAttribute('data-skill-key'))).toEqual(
      framework.areas.flatMap((a) => a.skills.map((s) => s.key)),
    );
    const radios = within(row('coaching')).getAllByRole('radio');
    expect(radios).toHaveLength(5);
    expect(radios[2]).toHaveProperty('name', radios[0].getAttribute('name'));
    const coaching = framework.areas.flatMap((a) => a.skills).find((s) => s.key === 'coaching')!;
    expect(within(row('coaching')).getByText(coaching.levels[2])).toBeTruthy();
    expect(radios[3].getAttribute('aria-label')).toBe('Level 4, Leading');
  });

  it('defaults the date to today and the round to its half-year', () => {
    render(AssessForm, { person, framework, onsaved: vi.fn(), today: '2026-07-14' });
    expect((screen.getByTestId('assess-date') as HTMLInputElement).value).toBe('2026-07-14');
    expect((screen.getByTestId('assess-round') as HTMLInputElement).value).toBe('2026-H2');
    expect(api.today).not.toHaveBeenCalled();
  });

  it("opens on the shell's today when no day is given, without calling the date missing meanwhile", async () => {
    render(AssessForm, { person, framework, onsaved: vi.fn() });
    const date = screen.getByTestId('assess-date') as HTMLInputElement;
    expect(date.getAttribute('aria-invalid')).toBe('false');
    await vi.waitFor(() => expect(date.value).toBe('2026-03-02'));
    expect(api.today).toHaveBeenCalledTimes(1);
    expect((screen.getByTestId('assess-round') as HTMLInputElement).value).toBe('2026-H1');
  });

  it("keeps a date typed before the shell's today arrives", async () => {
    let answer: (day: string) => void = () => {};
    vi.mocked(api.today).mockReturnValue(new Promise((resolve) => (answer = resolve)));
    render(AssessForm, { person, framework, onsaved: vi.fn() });
    await fireEvent.input(screen.getByTestId('assess-date'), { target: { value: '2026-09-01' } });
    answer('2026-04-05');
    // Every promise callback and update has run by the next task.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((screen.getByTestId('assess-date') as HTMLInputElement).value).toBe('2026-09-01');
    expect((screen.getByTestId('assess-round') as HTMLInputElement).value).toBe('2026-H2');
  });

  it('follows the date with the round until the round is typed', async () => {
    render(AssessForm, { person, framework, onsaved: vi.fn(), today: '2026-07-14' });
    await fireEvent.input(screen.getByTestId('assess-date'), { target: { value: '2026-02-01' } });
    expect((screen.getByTestId('assess-round') as HTMLInputElement).value).toBe('2026-H1');
    await fireEvent.input(screen.getByTestId('assess-round'), { target: { value: 'Q1 review' } });
    await fireEvent.input(screen.getByTestId('assess-date'), { target: { value: '2026-09-01' } });
    expect((screen.getByTestId('assess-round') as HTMLInputElement).value).toBe('Q1 review');
  });

  it('saves the rated skills with interest and note against the exact framework version', async () => {
    const onsaved = vi.fn();
    render(AssessForm, { person, framework, onsaved, today: '2026-07-14' });
    await fireEvent.change(screen.getByTestId('assess-role'), { target: { value: 'manager' } });
    await fireEvent.input(screen.getByTestId('assess-assessor'), { target: { value: ' Grace ' } });
    await choose('coaching', 4);
    await choose('delegating-work', 1);
    await choose('delegating-work', 2);
    await fireEvent.change(within(row('delegating-work')).getByTestId('assess-interest'), { target: { value: '2' } });
    await fireEvent.input(within(row('delegating-work')).getByTestId('assess-note'), { target: { value: ' Redoes agent output ' } });
    expect(row('delegating-work').getAttribute('data-level')).toBe('2');
    expect(within(row('delegating-work')).getByText(/Level 2 · Practicing/)).toBeTruthy();
    expect(screen.getByTestId('assess-progress').getAttribute('data-rated')).toBe('2');
    await fireEvent.click(screen.getByTestId('assess-save'));
    expect(api.assessmentCreate).toHaveBeenCalledWith({
      person_id: ada.id,
      framework_id: framework.id,
      assessor_role: 'manager',
      assessor_name: 'Grace',
      assessed_on: '2026-07-14',
      round: '2026-H2',
      note: '',
      ratings: [
        { skill_key: 'delegating-work', level: 2, interest: 2, note: 'Redoes agent output' },
        { skill_key: 'coaching', level: 4, interest: null, note: '' },
      ],
    });
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledWith(expect.objectContaining({ id: saved.id })));
    // the form is empty again for the next assessment
    expect(screen.getByTestId('assess-progress').getAttribute('data-rated')).toBe('0');
  });

  it('clears a rating', async () => {
    render(AssessForm, { person, framework, onsaved: vi.fn(), today: '2026-07-14' });
    await choose('coaching', 3);
    await fireEvent.click(within(row('coaching')).getByTestId('assess-clear'));
    expect(row('coaching').getAttribute('data-level')).toBe('');
    expect(within(row('coaching')).getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
  });

  it('does not send without a rating or without a date', async () => {
    render(AssessForm, { person, framework, onsaved: vi.fn(), today: '2026-07-14' });
    await fireEvent.click(screen.getByTestId('assess-save'));
    expect(screen.getByTestId('assess-progress').textContent).toContain('rate at least one skill');
    await choose('coaching', 3);
    await fireEvent.input(screen.getByTestId('assess-date'), { target: { value: ' ' } });
    expect(screen.getByTestId('assess-date').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a date.')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('assess-save'));
    expect(api.assessmentCreate).not.toHaveBeenCalled();
  });

  it('leaves judging the date to the core, and shows its refusal', async () => {
    vi.mocked(api.assessmentCreate).mockRejectedValue(new api.ApiError('invalid_input', '"0026-02-03" is not a date between the years 1900 and 2999'));
    render(AssessForm, { person, framework, onsaved: vi.fn(), today: '2026-07-14' });
    await choose('coaching', 3);
    await fireEvent.input(screen.getByTestId('assess-date'), { target: { value: '0026-02-03' } });
    expect(screen.getByTestId('assess-date').getAttribute('aria-invalid')).toBe('false');
    await fireEvent.click(screen.getByTestId('assess-save'));
    expect(api.assessmentCreate).toHaveBeenCalledWith(expect.objectContaining({ assessed_on: '0026-02-03' }));
    expect((await screen.findByTestId('error-alert')).textContent).toContain('"0026-02-03" is not a date between the years 1900 and 2999');
    expect(row('coaching').getAttribute('data-level')).toBe('3');
  });

  it('shows the host refusal and keeps the ratings', async () => {
    vi.mocked(api.assessmentCreate).mockRejectedValue({ kind: 'invalid_input', message: '"coaching" is not a skill of X version 2' });
    render(AssessForm, { person, framework, onsaved: vi.fn(), today: '2026-07-14' });
    await choose('coaching', 3);
    await fireEvent.click(screen.getByTestId('assess-save'));
    expect((await screen.findByTestId('error-alert')).textContent).toContain('is not a skill');
    expect(row('coaching').getAttribute('data-level')).toBe('3');
  });

  it('is blind: a self or manager form never reads other assessments', async () => {
    render(AssessForm, { person, framework, onsaved: vi.fn(), today: '2026-07-14' });
    expect(screen.getByTestId('assess-blind').hidden).toBe(false);
    expect(screen.getByTestId('assess-blind').textContent).toContain("manager's ratings");
    await fireEvent.change(screen.getByTestId('assess-role'), { target: { value: 'manager' } });
    expect(screen.getByTestId('assess-blind').textContent).toContain("self's ratings");
    expect(api.assessmentList).not.toHaveBeenCalled();
    expect(api.assessmentCompare).not.toHaveBeenCalled();
    expect(api.gapAnalysis).not.toHaveBeenCalled();
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    await fireEvent.change(screen.getByTestId('assess-role'), { target: { value: 'peer' } });
    expect(screen.getByTestId('assess-blind').hidden).toBe(true);
  });
});
