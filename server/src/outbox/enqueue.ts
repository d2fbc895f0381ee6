import type { Sql, TxSql } from '@vigie/db';
import type { Channel } from '@vigie/shared';
import { activeQueue, QUEUES } from '../jobs/queue.ts';

/** An e-mail or SMS to send; recorded in `outbox_messages` before anything is sent. */
export interface OutgoingMessage {
  channel: Channel;
  /** An e-mail address (lower-cased) or an E.164 phone number. */
  to: string;
  subject?: string | null;
  /** Plain text; e-mails get an HTML rendering of it (escaped) when sent. */
  body: string;
  /** What the message is for: `member_confirmation`, `member_decision`, `broadcast`… */
  kind: string;
  member_id?: number | null;
  relative_id?: number | null;
  /** Extra e-mail headers (List-Unsubscribe…). */
  headers?: Record<string, string> | null;
  /** At most one message per key: a retried transaction cannot queue the same message twice. */
  dedupe_key?: string | null;
}

/**
 * Queue a message in the caller's transaction, so a message exists exactly when the decision that
 * sends it committed; the delivery worker (`server/src/delivery/worker.ts`) sends it afterwards (or keeps it `captured` when no
 * transport is configured). Answers null when the dedupe key was already used.
 */
export async function enqueueMessage(tx: Sql | TxSql, message: OutgoingMessage): Promise<{ id: number } | null> {
  const [row] = await tx<{ id: number }[]>`
    insert into outbox_messages (channel, "to", subject, body, kind, member_id, relative_id, headers, dedupe_key)
    values (${message.channel}, ${message.to}, ${message.subject ?? null}, ${message.body}, ${message.kind},
            ${message.member_id ?? null}, ${message.relative_id ?? null},
            ${message.headers ? tx.json(message.headers) : null}, ${message.dedupe_key ?? null})
    on conflict (dedupe_key) do nothing
    returning id::int`;
  // Its job in the same transaction: no message without its job, no job without its message.
  if (row) await activeQueue().send(tx, QUEUES.outbox.name, { id: row.id });
  return row ?? null;
}
