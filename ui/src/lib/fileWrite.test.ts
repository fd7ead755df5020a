import { describe, expect, it, vi } from 'vitest';

import { ApiError } from './api';
import { FileWrite } from './fileWrite.svelte';

function setup(writeTo: (path: string, overwrite: boolean) => Promise<string>) {
  const ondone = vi.fn();
  const write = vi.fn(writeTo);
  return { file: new FileWrite(write, ondone), write, ondone };
}

const exists = (path: string) => Promise.reject(new ApiError('file_exists', `${path} already exists`));

describe('FileWrite', () => {
  it('asks about an existing typed path, then writes it with overwrite on replace', async () => {
    const { file, write, ondone } = setup((path, overwrite) => (overwrite ? Promise.resolve(path) : exists(path)));
    file.writeTyped('  /tmp/a.csv ');
    await vi.waitFor(() => expect(file.replacing).toBe('/tmp/a.csv'));
    expect(file.error).toBeNull();
    expect(ondone).not.toHaveBeenCalled();
    file.replace();
    expect(file.replacing).toBeNull();
    await vi.waitFor(() => expect(ondone).toHaveBeenCalledWith('/tmp/a.csv'));
    expect(write.mock.calls).toEqual([
      ['/tmp/a.csv', false],
      ['/tmp/a.csv', true],
    ]);
  });

  it('keep drops the question and writes nothing', async () => {
    const { file, write } = setup(exists);
    file.writeTyped('/tmp/a.csv');
    await vi.waitFor(() => expect(file.replacing).toBe('/tmp/a.csv'));
    file.keep();
    expect(file.replacing).toBeNull();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('a blank path, or one typed while a write is on, writes nothing', async () => {
    let finish: (p: string) => void = () => {};
    const { file, write } = setup(() => new Promise((resolve) => (finish = resolve)));
    file.writeTyped('   ');
    expect(write).not.toHaveBeenCalled();
    file.writeTyped('/tmp/a.csv');
    expect(file.busy).toBe(true);
    file.writeTyped('/tmp/b.csv');
    expect(write).toHaveBeenCalledTimes(1);
    finish('/tmp/a.csv');
    await vi.waitFor(() => expect(file.busy).toBe(false));
  });

  it('file_exists from a write with no typed path is an error, not a question', async () => {
    const { file, ondone } = setup(exists);
    await file.run(() => exists('/picked.csv'));
    expect(file.replacing).toBeNull();
    expect(file.error?.kind).toBe('file_exists');
    expect(ondone).not.toHaveBeenCalled();
  });

  it('a cancelled write (null) is not done and not an error', async () => {
    const { file, ondone } = setup(exists);
    await file.run(() => Promise.resolve(null));
    expect(ondone).not.toHaveBeenCalled();
    expect(file.error).toBeNull();
  });
});
