import { describe, expect, it } from 'vitest';
import { CLOUD_FUNCTIONS } from '../../functions/src/handlers/function-list.js';
import { unitWebhookSecret } from '../../functions/src/domain/webhook/sheet-event-signature.js';
import { runCli } from '../support/cli.js';

const SECRET_KEY = 'khoa-bi-mat-khong-duoc-in-ra-0123456789abcdef';
const ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  TONGHOP_SOURCE: 'google',
  TONGHOP_DRIVE_FOLDER_ID: '1FolderOfQuanDoan1xyz',
  TONGHOP_CONTROL_SPREADSHEET_ID: '1ControlSpreadsheetIdOfQuanDoan1',
  TONGHOP_SUMMARY_SPREADSHEET_ID: '1SummarySpreadsheetIdOfQuanDoan1',
  TONGHOP_WEBHOOK_KEY: SECRET_KEY,
  SMTP_URL: 'smtps://vp:mat-khau-ung-dung@smtp.gmail.com:465',
  FIRESTORE_EMULATOR_HOST: '127.0.0.1:1',
};

describe('tonghop webhook-secret', () => {
  it("prints the secret a unit's Apps Script signs with: the one the webhook derives", async () => {
    const run = await runCli(['webhook-secret', '--unit', 'th-a'], ENV);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(unitWebhookSecret(SECRET_KEY, 'th-a'));
    expect(run.stdout.trim()).not.toBe(unitWebhookSecret(SECRET_KEY, 'th-b'));
    const without = await runCli(['webhook-secret', '--unit', 'th-a'], { ...ENV, TONGHOP_WEBHOOK_KEY: undefined });
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('TONGHOP_WEBHOOK_KEY');
  });
});

describe('tonghop deploy --dry-run', () => {
  it('prints every command from an empty project to scheduled runs, and runs nothing', async () => {
    const run = await runCli(['deploy', '--dry-run', '--project', 'quandoan1-tonghop'], ENV);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(lines[0]).toBe('npm run build');
    expect(lines).toContain('gcloud pubsub topics create tonghop-sweep --project=quandoan1-tonghop');
    expect(lines).toContain('gcloud pubsub topics create tonghop-sweep-shard --project=quandoan1-tonghop');
    expect(lines).toContain('gcloud pubsub topics create tonghop-notices --project=quandoan1-tonghop');
    expect(lines).toContain('gcloud pubsub topics create tonghop-mailbox --project=quandoan1-tonghop');
    const deploys = lines.filter((line) => line.startsWith('gcloud functions deploy '));
    expect(deploys.map((line) => line.split(' ')[3])).toEqual(CLOUD_FUNCTIONS.map((fn) => fn.name));
    const env =
      "'--set-env-vars=^;^NODE_ENV=production;TONGHOP_SOURCE=google;TONGHOP_FIRESTORE=cloud;TONGHOP_PROJECT_ID=quandoan1-tonghop;TONGHOP_DRIVE_FOLDER_ID=1FolderOfQuanDoan1xyz;" +
      'TONGHOP_CONTROL_SPREADSHEET_ID=1ControlSpreadsheetIdOfQuanDoan1;TONGHOP_SUMMARY_SPREADSHEET_ID=1SummarySpreadsheetIdOfQuanDoan1;' +
      'TONGHOP_SERVICE_ACCOUNT_EMAIL=tonghop@quandoan1-tonghop.iam.gserviceaccount.com;TONGHOP_SHARD_TOPIC=tonghop-sweep-shard;' +
      `TONGHOP_MAIL_FROM="Quận Đoàn (tonghop)" <no-reply@tonghop.invalid>'`;
    expect(deploys[0]).toBe(
      'gcloud functions deploy sheetEvent --gen2 --runtime=nodejs20 --region=asia-southeast1 --project=quandoan1-tonghop --source=. --entry-point=sheetEvent ' +
        '--trigger-http --allow-unauthenticated --service-account=tonghop@quandoan1-tonghop.iam.gserviceaccount.com --memory=512Mi --timeout=60s --max-instances=10 ' +
        `${env} --set-secrets=TONGHOP_WEBHOOK_KEY=tonghop-webhook-key:latest`,
    );
    expect(deploys[1]).toContain('--trigger-topic=tonghop-sweep --retry ');
    expect(deploys[2]).toContain('--trigger-topic=tonghop-sweep-shard --retry ');
    // One sweep at a time: each paces its Google requests, so parallel shards would exceed the quota.
    expect(deploys[2]).toContain('--max-instances=1 ');
    expect(deploys[3]).toContain('--trigger-topic=tonghop-notices --service-account');
    expect(deploys[3]).toContain('--set-secrets=SMTP_URL=tonghop-smtp-url:latest');
    // The report mailbox: not redelivered (its ledger makes each message at-most-once), IMAP and SMTP from Secret Manager.
    expect(deploys[4]).toContain('gcloud functions deploy scheduledMailbox ');
    expect(deploys[4]).toContain('--trigger-topic=tonghop-mailbox --service-account');
    expect(deploys[4]).toContain('--max-instances=1 ');
    expect(deploys[4]).toContain('--set-secrets=IMAP_URL=tonghop-imap-url:latest,SMTP_URL=tonghop-smtp-url:latest');
    // Read every 10 minutes in office hours (ICT), like the tick: a unit's email is answered within 10 minutes.
    expect(lines).toContain(
      "gcloud scheduler jobs create pubsub tonghop-mailbox --location=asia-southeast1 '--schedule=*/10 7-19 * * *' --time-zone=Asia/Ho_Chi_Minh --topic=tonghop-mailbox '--message-body={}' --project=quandoan1-tonghop",
    );
    expect(lines).toContain(
      'gcloud scheduler jobs create pubsub tonghop-nightly-sweep --location=asia-southeast1 \'--schedule=0 2 * * *\' --time-zone=Asia/Ho_Chi_Minh --topic=tonghop-sweep \'--message-body={"step":"sweep"}\' --project=quandoan1-tonghop',
    );
    expect(
      lines.some(
        (line) =>
          line.startsWith('gcloud scheduler jobs create pubsub tonghop-summary ') && line.includes('"step":"summary"'),
      ),
    ).toBe(true);
    // Every 10 minutes in office hours (ICT), so a submission shows in the summary within 10 minutes.
    expect(lines).toContain(
      'gcloud scheduler jobs create pubsub tonghop-office-hours-tick --location=asia-southeast1 \'--schedule=*/10 7-19 * * *\' --time-zone=Asia/Ho_Chi_Minh --topic=tonghop-sweep \'--message-body={"step":"tick"}\' --project=quandoan1-tonghop',
    );
    expect(
      lines.some(
        (line) =>
          line.startsWith('gcloud scheduler jobs create pubsub tonghop-morning-notices ') &&
          line.includes("'--schedule=30 7 * * *'"),
      ),
    ).toBe(true);
    expect(lines.at(-1)).toBe(
      'npx firebase deploy --only firestore:rules,firestore:indexes --project=quandoan1-tonghop',
    );
    // Secrets come from Secret Manager: their values never appear in a command.
    expect(run.stdout).not.toContain(SECRET_KEY);
    expect(run.stdout).not.toContain('mat-khau-ung-dung');
  });

  it('will not run without a real project, and says how to give one', async () => {
    const run = await runCli(['deploy'], { PATH: process.env.PATH, FIRESTORE_EMULATOR_HOST: '127.0.0.1:1' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--project');
  });
});
