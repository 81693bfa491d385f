/**
 * TypeORM's deep-partial types cannot see through `Record<string, unknown>` inside jsonb
 * columns; the values are plain JSON, so writes say so once here instead of at each call.
 */
export const asJson = <T>(value: T): never => value as never;
