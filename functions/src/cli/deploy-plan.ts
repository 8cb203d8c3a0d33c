import type { Config } from '../config.js';
import { CLOUD_FUNCTIONS, TOPICS, type CloudFunctionSpec } from '../handlers/function-list.js';
import { DEPLOY } from './messages.js';
import { officeHoursTickCron } from '../domain/summary/deadline-flips.js';

/** Where and as whom the district's functions run. */
export interface DeployTarget {
  readonly project: string;
  readonly region: string;
  readonly serviceAccount: string;
}

/** One step of a deployment: a command and its arguments (never through a shell), and why (Vietnamese, printed above it). */
export interface DeployStep {
  readonly why: string;
  readonly command: string;
  readonly args: readonly string[];
  /** The step creates something that may exist already: "already exists" is not a failure. */
  readonly mayExist?: boolean;
}

/** Secret Manager secret behind each secret variable. */
export const SECRET_NAMES: Readonly<Record<string, string>> = {
  TONGHOP_WEBHOOK_KEY: 'tonghop-webhook-key',
  SMTP_URL: 'tonghop-smtp-url',
  IMAP_URL: 'tonghop-imap-url',
};

/**
 * Cloud Scheduler jobs, cron in Asia/Ho_Chi_Minh. Besides the nightly run, a tick every 10 minutes
 * in office hours (07:00–19:50, every day: deadlines fall on weekends too) keeps the summary within
 * 10 minutes of a submission; a tick that finds nothing changed costs one Drive listing.
 */
export const SCHEDULES = [
  { job: 'tonghop-nightly-sweep', cron: '0 2 * * *', topic: TOPICS.sweep, body: '{"step":"sweep"}' },
  { job: 'tonghop-office-hours-tick', cron: officeHoursTickCron(), topic: TOPICS.sweep, body: '{"step":"tick"}' },
  { job: 'tonghop-summary', cron: '30 3 * * *', topic: TOPICS.sweep, body: '{"step":"summary"}' },
  { job: 'tonghop-morning-notices', cron: '30 7 * * *', topic: TOPICS.notices, body: '{}' },
  // The report mailbox on the same office-hours rhythm: an emailed report is answered within 10 minutes.
  { job: 'tonghop-mailbox', cron: officeHoursTickCron(), topic: TOPICS.mailbox, body: '{}' },
] as const;

const APIS = [
  'sheets',
  'drive',
  'firestore',
  'cloudfunctions',
  'cloudbuild',
  'run',
  'eventarc',
  'pubsub',
  'cloudscheduler',
  'secretmanager',
  'artifactregistry',
];

/**
 * Every command that takes a district from an empty Google Cloud project (with Firestore created)
 * to scheduled runs: build, APIs, topics, the functions, the schedules, the Firestore rules
 * and indexes. Settings missing from the environment are shown as <PLACEHOLDERS>.
 */
export function deployPlan(config: Config, target: DeployTarget): DeployStep[] {
  const { project, region } = target;
  const env = functionEnv(config, target);
  const steps: DeployStep[] = [
    { why: DEPLOY.build, command: 'npm', args: ['run', 'build'] },
    {
      why: DEPLOY.apis,
      command: 'gcloud',
      args: ['services', 'enable', ...APIS.map((api) => `${api}.googleapis.com`), `--project=${project}`],
    },
    ...Object.values(TOPICS).map((topic): DeployStep => ({
      why: DEPLOY.topic(topic),
      command: 'gcloud',
      args: ['pubsub', 'topics', 'create', topic, `--project=${project}`],
      mayExist: true,
    })),
    ...CLOUD_FUNCTIONS.map((fn) => deployFunction(fn, target, env)),
    ...SCHEDULES.map((s): DeployStep => ({
      why: DEPLOY.schedule(s.job, s.cron),
      command: 'gcloud',
      args: [
        'scheduler',
        'jobs',
        'create',
        'pubsub',
        s.job,
        `--location=${region}`,
        `--schedule=${s.cron}`,
        '--time-zone=Asia/Ho_Chi_Minh',
        `--topic=${s.topic}`,
        `--message-body=${s.body}`,
        `--project=${project}`,
      ],
      mayExist: true,
    })),
    {
      why: DEPLOY.rules,
      command: 'npx',
      args: ['firebase', 'deploy', '--only', 'firestore:rules,firestore:indexes', `--project=${project}`],
    },
  ];
  return steps;
}

function deployFunction(fn: CloudFunctionSpec, target: DeployTarget, env: string): DeployStep {
  const trigger =
    'http' in fn.trigger
      ? ['--trigger-http', '--allow-unauthenticated']
      : [`--trigger-topic=${fn.trigger.topic}`, ...(fn.retry ? ['--retry'] : [])];
  const secrets = fn.secrets.map((name) => `${name}=${SECRET_NAMES[name] ?? name.toLowerCase()}:latest`).join(',');
  return {
    why: 'http' in fn.trigger ? DEPLOY.httpFunction(fn.name) : DEPLOY.topicFunction(fn.name, fn.trigger.topic),
    command: 'gcloud',
    args: [
      'functions',
      'deploy',
      fn.name,
      '--gen2',
      '--runtime=nodejs20',
      `--region=${target.region}`,
      `--project=${target.project}`,
      '--source=.',
      `--entry-point=${fn.name}`,
      ...trigger,
      `--service-account=${target.serviceAccount}`,
      `--memory=${fn.memory}`,
      `--timeout=${fn.timeoutSeconds}s`,
      `--max-instances=${fn.maxInstances}`,
      `--set-env-vars=${env}`,
      ...(secrets ? [`--set-secrets=${secrets}`] : []),
    ],
  };
}

/** The functions' settings (no secret among them: those come from Secret Manager). */
function functionEnv(config: Config, target: DeployTarget): string {
  const g = config.google;
  const vars: Record<string, string> = {
    // Express (inside functions-framework) then answers a body it cannot parse without a stack trace.
    NODE_ENV: 'production',
    TONGHOP_SOURCE: 'google',
    TONGHOP_FIRESTORE: 'cloud',
    TONGHOP_PROJECT_ID: target.project,
    TONGHOP_DRIVE_FOLDER_ID: g?.folderId ?? '<TONGHOP_DRIVE_FOLDER_ID>',
    TONGHOP_CONTROL_SPREADSHEET_ID: g?.controlSpreadsheetId ?? '<TONGHOP_CONTROL_SPREADSHEET_ID>',
    TONGHOP_SUMMARY_SPREADSHEET_ID: g?.summarySpreadsheetId ?? '<TONGHOP_SUMMARY_SPREADSHEET_ID>',
    TONGHOP_SERVICE_ACCOUNT_EMAIL: target.serviceAccount,
    TONGHOP_SHARD_TOPIC: TOPICS.sweepShard,
    TONGHOP_MAIL_FROM: config.mail.from,
  };
  // gcloud's alternate delimiter (^;^) lets values hold commas, such as a display name in TONGHOP_MAIL_FROM.
  return `^;^${Object.entries(vars)
    .map(([k, v]) => `${k}=${v}`)
    .join(';')}`;
}

/** A step as a person would type it (POSIX shell quoting where needed). */
export function shellLine(step: DeployStep): string {
  return [step.command, ...step.args]
    .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}
