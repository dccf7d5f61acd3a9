import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sampleTree } from '../../scripts/bench/proc-sampler.ts';

describe('sampling a process tree', () => {
  it("sums the CPU seconds of the tree's processes, a grandchild's included", async () => {
    // A shell whose child computes for a second: the CPU is the grandchild's.
    const busy = `const t = Date.now(); while (Date.now() - t < 1000) {}`;
    const child = spawn('sh', ['-c', `${JSON.stringify(process.execPath)} -e '${busy}'`], { stdio: 'ignore' });
    const sampler = sampleTree(child.pid!, 50);
    await new Promise((resolve) => child.on('close', resolve));
    const sample = sampler.stop();
    expect(sample.cpuSeconds).toBeGreaterThan(0.5);
    expect(sample.cpuSeconds).toBeLessThan(3);
    expect(sample.sumPeak).toBeGreaterThan(0);
  });
});
