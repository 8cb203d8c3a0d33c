/** Notice stages, from the gentlest to the firmest (DESIGN data flow step 8). */
export const NOTICE_STAGES = ['reminder', 'due', 'overdue', 'escalation'] as const;
export type NoticeStage = (typeof NOTICE_STAGES)[number];

/** What a budget keeps first when it cannot send everything: escalation, overdue, due, reminder. */
export const STAGE_PRIORITY: Readonly<Record<NoticeStage, number>> = { escalation: 0, overdue: 1, due: 2, reminder: 3 };

/** Vietnamese names of the stages, for subjects and tables. */
export const STAGE_LABELS: Readonly<Record<NoticeStage, string>> = {
  reminder: 'Nhắc trước hạn',
  due: 'Đến hạn hôm nay',
  overdue: 'Quá hạn',
  escalation: 'Quá hạn lâu, báo Quận Đoàn',
};

/** When and how firmly units are reminded; per form where the spec says so, else these defaults. */
export interface NoticePolicy {
  /** Days before the due instant the reminder goes out. */
  readonly reminderDays: number;
  /** Days after the due instant the escalation (with the district in CC) goes out. */
  readonly escalationDays: number;
  /** Periods overdue longer than this get no more mail (they stay in the digest). */
  readonly stopAfterDays: number;
  /** Send only between these hours, Asia/Ho_Chi_Minh: [from, to). */
  readonly quietHours: { readonly sendFrom: number; readonly sendUntil: number };
  /** Recipients per run and per ICT day (Workspace accounts allow about 1,500 a day). */
  readonly perRunBudget: number;
  readonly perDayBudget: number;
  /** A failed notice is retried on later runs until it has failed this many times. */
  readonly maxAttempts: number;
}

export const DEFAULT_NOTICE_POLICY: NoticePolicy = {
  reminderDays: 3,
  escalationDays: 7,
  stopAfterDays: 60,
  quietHours: { sendFrom: 7, sendUntil: 20 },
  perRunBudget: 500,
  perDayBudget: 1500,
  maxAttempts: 5,
};

/** What the ledger knows of a notice. */
export interface LedgerEntry {
  readonly id: string;
  readonly state: 'claimed' | 'sent' | 'failed';
  readonly attempts: number;
  /** Recipients counted against the day's budget (to + cc). */
  readonly recipients: number;
  readonly sentAt?: Date;
  readonly stage?: NoticeStage;
  readonly unitId?: string;
  readonly formId?: string;
  readonly periodId?: string;
}
