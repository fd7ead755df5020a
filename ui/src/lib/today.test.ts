import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./api', async (orig) => {
  const real = await orig<typeof import('./api')>();
  return { ...real, today: vi.fn() };
});
const api = await import('./api');
const { onToday } = await import('./today');

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.mocked(api.today).mockReset().mockResolvedValue('2026-07-14');
});

describe('today', () => {
  it('asks the shell once for every form open at the time', async () => {
    const seen: string[] = [];
    const stopA = onToday((d) => seen.push(`a ${d}`));
    const stopB = onToday((d) => seen.push(`b ${d}`));
    await tick();
    expect(seen).toEqual(['a 2026-07-14', 'b 2026-07-14']);
    expect(api.today).toHaveBeenCalledTimes(1);
    stopA();
    stopB();
  });

  it('forgets the day when no form needs it, and asks again for the next one', async () => {
    const stop = onToday(() => {});
    await tick();
    stop();
    vi.mocked(api.today).mockResolvedValue('2026-07-15');
    const seen: string[] = [];
    const again = onToday((d) => seen.push(d));
    await tick();
    // Not yesterday's answer first.
    expect(seen).toEqual(['2026-07-15']);
    expect(api.today).toHaveBeenCalledTimes(2);
    again();
  });

  it('stays empty when the shell does not answer, and ignores an answer nobody waits for', async () => {
    vi.mocked(api.today).mockRejectedValueOnce(new api.ApiError('unknown', 'no shell'));
    const seen: string[] = [];
    const stop = onToday((d) => seen.push(d));
    await tick();
    expect(seen).toEqual([]);
    stop();

    let answer: (day: string) => void = () => {};
    vi.mocked(api.today).mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const late = onToday((d) => seen.push(d));
    late();
    answer('2026-07-16');
    await tick();
    // Nor is it kept for the next form, which waits for its own answer.
    vi.mocked(api.today).mockReturnValueOnce(new Promise(() => {}));
    const next = onToday((d) => seen.push(d));
    await tick();
    expect(seen).toEqual([]);
    next();
  });
});
