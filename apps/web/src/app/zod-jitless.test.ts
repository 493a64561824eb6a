import { describe, expect, it } from 'vitest';
import { zodJitless } from './zod-jitless';

describe('zodJitless', () => {
  it('is read by zod loaded afterwards (as the pages load it after main.tsx ran)', async () => {
    zodJitless();
    const { z } = await import('zod');
    expect(z.config().jitless).toBe(true);
  });
});
