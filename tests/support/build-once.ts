import { execFileSync } from 'node:child_process';
import { cleanEnv } from './clean-env.ts';

/** Builds the sample site exactly as `npm run build` does, once, before the build tests read `dist/`. */
export default function buildOnce(): void {
  const env = cleanEnv({ SITE_URL: '', BASE_PATH: '' });
  try {
    execFileSync('npm', ['run', 'build'], { stdio: 'pipe', env });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`npm run build failed:\n${stdout?.toString() ?? ''}\n${stderr?.toString() ?? ''}`, {
      cause: error,
    });
  }
}
