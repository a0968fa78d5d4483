/**
 * Thrown out of a drain when handling one message failed: the drain's transaction is rolled back
 * (nothing of the batch is written) and the worker counts the attempt against this message.
 */
export class InboundMessageError extends Error {
  override name = "InboundMessageError";
  readonly messageId: string;

  constructor(messageId: string, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.messageId = messageId;
  }
}
