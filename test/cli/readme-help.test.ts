// README's CLI section shows `dualsight --help` word for word: what a user reads there is what they get.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../e2e/harness/paths';
import { runCli } from './cli-process';

describe('README', () => {
  it('shows the CLI help exactly as `dualsight --help` prints it', async () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const cli = readme.slice(readme.indexOf('## The CLI'));
    const block = /```text\n([\s\S]*?)\n```/.exec(cli)?.[1];
    expect(block, 'README has a ```text block in its CLI section').toBeDefined();
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(block).toBe(help.stdout.trimEnd());
  });
});
