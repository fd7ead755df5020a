import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, auditCreate: vi.fn(), orgSearch: vi.fn(), today: vi.fn() };
});
const api = await import('../../lib/api');
const { default: AuditForm } = await import('./AuditForm.svelte');

function stage(key: string) {
  return screen.getAllByTestId('audit-stage').find((el) => el.getAttribute('data-stage') === key)!;
}

async function rate(key: string, testid: 'audit-slowdown' | 'audit-ai-use', value: number) {
  const radio = within(stage(key))
    .getAllByTestId(testid)
    .find((el) => el.getAttribute('data-value') === String(value))!;
  await fireEvent.click(radio);
}

function checked(key: string, testid: 'audit-slowdown' | 'audit-ai-use'): string | null {
  const on = within(stage(key))
    .getAllByTestId(testid)
    .find((el) => (el as HTMLInputElement).checked);
  return on?.getAttribute('data-value') ?? null;
}

const ada = core.personAda();
const reviewBot = core.orgChildrenAda().nodes.find((n) => n.kind === 'agent')!;

const props = (over: Record<string, unknown> = {}) => ({
  scope: { kind: 'person' as const, id: ada.id },
  scopeName: ada.name,
  scales: core.auditScales(),
  prefill: null,
  onsaved: vi.fn(),
  oncancel: vi.fn(),
  today: '2026-07-14',
  ...over,
});

beforeEach(() => {
  vi.mocked(api.auditCreate).mockReset().mockResolvedValue(core.auditCreated());
  vi.mocked(api.today).mockReset().mockResolvedValue('2026-03-02');
  vi.mocked(api.orgSearch).mockReset().mockImplementation(core.orgSearchFor);
});

describe('AuditForm', () => {
  it('shows every stage with its question, and both scales in words', () => {
    render(AuditForm, props());
    expect(screen.getAllByTestId('audit-stage').map((el) => el.getAttribute('data-stage'))).toEqual([
      'planning',
      'strategy',
      'prioritization',
      'bug_fixing',
      'code_generation',
      'code_review',
    ]);
    const review = core.auditScales().stages.find((s) => s.stage === 'code_review')!;
    expect(within(stage('code_review')).getByText(review.question)).toBeTruthy();
    const slow = within(stage('code_review')).getByRole('group', { name: 'How much it slows the work' });
    expect(within(slow).getByRole('radio', { name: /Major/ }).getAttribute('data-value')).toBe('3');
    const ai = within(stage('code_review')).getByRole('group', { name: 'How much AI is used today' });
    expect(within(ai).getByRole('radio', { name: /Agents do it, people review/ }).getAttribute('data-value')).toBe('4');
    expect((screen.getByTestId('audit-date') as HTMLInputElement).value).toBe('2026-07-14');
    expect(screen.queryByTestId('audit-form-prefilled')).toBeNull();
    expect(screen.getAllByTestId('audit-stage').every((el) => el.getAttribute('data-state') === 'not_rated')).toBe(true);
  });

  it('sends the stages filled in, with an agent as owner, and leaves skipped ones out', async () => {
    const onsaved = vi.fn();
    render(AuditForm, props({ onsaved }));
    await rate('code_review', 'audit-slowdown', 3);
    await rate('code_review', 'audit-ai-use', 1);
    await fireEvent.input(within(stage('code_review')).getByTestId('audit-owner-search'), { target: { value: 'review' } });
    await fireEvent.click(await screen.findByTestId('audit-owner-search-result'));
    const owner = within(stage('code_review')).getByTestId('audit-owner');
    expect(owner.getAttribute('data-person-id')).toBe(String(reviewBot.id));
    expect(owner.getAttribute('data-kind')).toBe('agent');
    expect(owner.textContent).toContain('Agent');
    await fireEvent.input(within(stage('code_review')).getByTestId('audit-next-change'), { target: { value: ' Agent pre-review ' } });
    await rate('planning', 'audit-slowdown', 0);
    await rate('planning', 'audit-ai-use', 2);
    await fireEvent.input(screen.getByTestId('audit-date'), { target: { value: '2026-07-10' } });
    await fireEvent.input(screen.getByTestId('audit-note'), { target: { value: 'First look' } });
    expect(screen.getByTestId('audit-form-progress').getAttribute('data-rated')).toBe('2');
    await fireEvent.click(screen.getByTestId('audit-save'));
    expect(api.auditCreate).toHaveBeenCalledWith({
      scope: { kind: 'person', id: ada.id },
      taken_on: '2026-07-10',
      note: 'First look',
      stages: [
        { stage: 'planning', slowdown: 0, ai_use: 2, owner_id: null, next_change: '' },
        { stage: 'code_review', slowdown: 3, ai_use: 1, owner_id: reviewBot.id, next_change: 'Agent pre-review' },
      ],
    });
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledWith(expect.objectContaining({ id: core.auditCreated().id })));
  });

  it('starts from the latest audit, so only what moved needs changing', async () => {
    render(AuditForm, props({ prefill: core.auditLater() }));
    const banner = screen.getByTestId('audit-form-prefilled');
    expect(banner.getAttribute('data-date')).toBe('2026-09-07');
    expect(checked('code_review', 'audit-slowdown')).toBe('4');
    expect(checked('code_review', 'audit-ai-use')).toBe('3');
    expect(within(stage('code_review')).getByTestId('audit-owner').textContent).toContain('Review bot');
    expect((within(stage('code_review')).getByTestId('audit-next-change') as HTMLInputElement).value).toBe('Agent pre-review of every change');
    expect(stage('prioritization').getAttribute('data-state')).toBe('not_rated');
    expect(screen.getByTestId('audit-form-progress').getAttribute('data-rated')).toBe('5');
    // Review got better; strategy is skipped this time; the owner of strategy goes with it.
    await rate('code_review', 'audit-slowdown', 2);
    await fireEvent.click(within(stage('strategy')).getByTestId('audit-skip'));
    expect(stage('strategy').getAttribute('data-state')).toBe('not_rated');
    expect(within(stage('strategy')).queryByTestId('audit-owner')).toBeNull();
    await fireEvent.click(screen.getByTestId('audit-save'));
    expect(api.auditCreate).toHaveBeenCalledWith({
      scope: { kind: 'person', id: ada.id },
      taken_on: '2026-07-14',
      note: '',
      stages: [
        { stage: 'planning', slowdown: 1, ai_use: 0, owner_id: null, next_change: '' },
        { stage: 'bug_fixing', slowdown: 3, ai_use: 1, owner_id: null, next_change: 'Triage agent labels new bugs' },
        { stage: 'code_generation', slowdown: 0, ai_use: 4, owner_id: null, next_change: '' },
        { stage: 'code_review', slowdown: 2, ai_use: 3, owner_id: reviewBot.id, next_change: 'Agent pre-review of every change' },
      ],
    });
  });

  it('names what is missing and sends nothing', async () => {
    render(AuditForm, props());
    await fireEvent.click(screen.getByTestId('audit-save'));
    expect(screen.getByTestId('audit-form-problems').textContent).toContain('Rate at least one stage.');
    await rate('bug_fixing', 'audit-slowdown', 3);
    expect(stage('bug_fixing').getAttribute('data-state')).toBe('incomplete');
    await fireEvent.input(screen.getByTestId('audit-date'), { target: { value: '' } });
    await fireEvent.click(screen.getByTestId('audit-save'));
    const items = screen.getAllByTestId('audit-form-problem').map((li) => li.textContent);
    expect(items).toEqual(['Enter a date.', 'Bug fixing: choose how much AI is used there, or skip the stage.']);
    expect(screen.getByTestId('audit-date').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('audit-form-problems').parentElement);
    expect(api.auditCreate).not.toHaveBeenCalled();
  });

  it('shows the host refusal and keeps what was filled in', async () => {
    vi.mocked(api.auditCreate).mockRejectedValue({ kind: 'invalid_input', message: 'the audit was not saved: Code review: no person or agent with id 31 to own it' });
    render(AuditForm, props({ prefill: core.auditLater() }));
    await fireEvent.click(screen.getByTestId('audit-save'));
    const alert = await screen.findByTestId('error-alert');
    expect(alert.getAttribute('data-kind')).toBe('invalid_input');
    expect(alert.textContent).toContain('no person or agent with id 31');
    expect(checked('code_review', 'audit-slowdown')).toBe('4');
  });

  it('leaves judging the date to the core, and shows its refusal', async () => {
    vi.mocked(api.auditCreate).mockRejectedValue({ kind: 'invalid_input', message: '"1850-07-01" is not a date between the years 1900 and 2999' });
    render(AuditForm, props());
    await rate('planning', 'audit-slowdown', 1);
    await rate('planning', 'audit-ai-use', 0);
    await fireEvent.input(screen.getByTestId('audit-date'), { target: { value: '1850-07-01' } });
    expect(screen.getByTestId('audit-date').getAttribute('aria-invalid')).toBe('false');
    await fireEvent.click(screen.getByTestId('audit-save'));
    expect(screen.queryByTestId('audit-form-problems')).toBeNull();
    expect(api.auditCreate).toHaveBeenCalledWith(expect.objectContaining({ taken_on: '1850-07-01' }));
    expect((await screen.findByTestId('error-alert')).textContent).toContain('"1850-07-01" is not a date between the years 1900 and 2999');
  });

  it("opens on the shell's today when no day is given", async () => {
    render(AuditForm, props({ today: undefined }));
    const date = screen.getByTestId('audit-date') as HTMLInputElement;
    expect(date.getAttribute('aria-invalid')).toBe('false');
    await vi.waitFor(() => expect(date.value).toBe('2026-03-02'));
    expect(api.today).toHaveBeenCalledTimes(1);
  });

  it('cancels', async () => {
    const oncancel = vi.fn();
    render(AuditForm, props({ oncancel }));
    await fireEvent.click(screen.getByTestId('audit-cancel'));
    expect(oncancel).toHaveBeenCalled();
  });
});
