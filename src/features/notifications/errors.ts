/** The message cannot be built (no such template, its booking is gone): retrying won't help. */
export class UnrenderableMessage extends Error {
  override name = "UnrenderableMessage";
}
