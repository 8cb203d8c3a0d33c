import { readFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Unit } from '../domain/units/unit.js';
import { makePrivateDir, writePrivateFile } from '../adapters/private-files.js';

/** A demo message: who sends it, when, and what is attached. */
interface DemoMessage {
  readonly file: string;
  readonly from: string;
  readonly subject: string;
  readonly date: Date;
  readonly attachments: readonly {
    readonly filename: string;
    readonly content: Buffer;
    readonly contentType?: string;
  }[];
}

/**
 * The demo's mailbox folder, as units would write to the district: a unit sending its workbook again
 * from its registered address, a unit sending a zipped file, and someone the registry does not know.
 * Each is a real .eml built by nodemailer, read by `tonghop mailbox` exactly as an IMAP message would be.
 */
export async function writeDemoMailbox(
  dir: string,
  options: { readonly unitsDir: string; readonly resender: Unit; readonly zipper: Unit; readonly at: Date },
): Promise<number> {
  const { resender, zipper, at } = options;
  const workbook = await readFile(path.join(options.unitsDir, resender.source));
  const hoursBefore = (hours: number) => new Date(at.getTime() - hours * 3_600_000);
  const messages: DemoMessage[] = [
    {
      file: '01-gui-lai-bao-cao.eml',
      from: addressOf(resender),
      subject: `Báo cáo của ${resender.name}`,
      date: hoursBefore(3),
      attachments: [{ filename: 'Bao cao gui lai.xlsx', content: workbook }],
    },
    {
      file: '02-tep-nen.eml',
      from: addressOf(zipper),
      subject: 'Gửi Quận Đoàn báo cáo',
      date: hoursBefore(2),
      attachments: [
        { filename: 'bao-cao.zip', content: Buffer.from('PK\u0003\u0004 tệp nén mẫu'), contentType: 'application/zip' },
      ],
    },
    {
      file: '03-nguoi-gui-la.eml',
      from: 'Nguyễn Văn Hải <hai.nguyen.1987@example.com>',
      subject: 'Báo cáo tập huấn',
      date: hoursBefore(1),
      attachments: [{ filename: 'bao-cao.xlsx', content: workbook }],
    },
  ];
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  await makePrivateDir(dir);
  for (const message of messages) {
    const info = await transport.sendMail({
      from: message.from,
      to: 'baocao@quandoan1.example.com',
      subject: message.subject,
      date: message.date,
      text: 'Kính gửi Quận Đoàn, đơn vị gửi báo cáo đính kèm.',
      attachments: [...message.attachments],
    });
    await writePrivateFile(path.join(dir, message.file), info.message as Buffer);
  }
  transport.close();
  return messages.length;
}

function addressOf(unit: Unit): string {
  const email = unit.contacts.find((c) => c.email)?.email;
  if (!email) throw new Error(`Demo unit ${unit.id} has no contact address`);
  return email;
}
