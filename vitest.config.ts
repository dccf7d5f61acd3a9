import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        // One build of the sample site, shared by every file that checks it, one file at a time.
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/support/build-once.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
