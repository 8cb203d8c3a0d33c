import { spawn } from 'node:child_process';
import { ConfigError } from '../../config.js';
import { deployPlan, shellLine, type DeployStep, type DeployTarget } from '../deploy-plan.js';
import type { CommandContext } from './context.js';
import { DEPLOY } from '../messages.js';

export interface DeployCommandOptions {
  readonly project?: string;
  readonly region?: string;
  readonly serviceAccount?: string;
  readonly dryRun?: boolean;
}

/** `tonghop deploy [--dry-run]`: every command from an empty project to scheduled runs; printed, or run one after the other. */
export async function deployCommand({ config, out }: CommandContext, opts: DeployCommandOptions): Promise<void> {
  const project = opts.project ?? (config.projectId.startsWith('demo-') ? undefined : config.projectId);
  if (!project && !opts.dryRun)
    throw new ConfigError(
      'tonghop deploy needs the Google Cloud project: --project my-project (or TONGHOP_PROJECT_ID). Try --dry-run first.',
    );
  const target: DeployTarget = {
    project: project ?? '<PROJECT_ID>',
    region: opts.region ?? 'asia-southeast1',
    serviceAccount:
      opts.serviceAccount ??
      config.google?.serviceAccountEmail ??
      `tonghop@${project ?? '<PROJECT_ID>'}.iam.gserviceaccount.com`,
  };
  const steps = deployPlan(config, target);
  if (out.json) {
    out.printJson({
      target,
      dryRun: Boolean(opts.dryRun),
      steps: steps.map((s) => ({ why: s.why, command: shellLine(s) })),
    });
    if (opts.dryRun) return;
  }
  for (const [i, step] of steps.entries()) {
    out.print(`# ${i + 1}/${steps.length} ${step.why}`);
    out.print(shellLine(step));
    if (!opts.dryRun) await runStep(step, out.log);
  }
  if (opts.dryRun) out.print(DEPLOY.dryRunDone);
}

async function runStep(step: DeployStep, log: (line: string) => void): Promise<void> {
  const stderr: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'inherit', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk.toString('utf8'));
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (exit) => resolve(exit ?? 1));
  });
  if (code === 0) return;
  if (step.mayExist && /already exists|ALREADY_EXISTS/i.test(stderr.join(''))) {
    log(DEPLOY.kept);
    return;
  }
  throw new ConfigError(
    `Deployment stopped at: ${shellLine(step)} (exit ${code}). Fix what it printed and run tonghop deploy again: every step is safe to repeat.`,
  );
}
