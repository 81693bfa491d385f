import { BadRequestException, PipeTransform } from '@nestjs/common';
import { z, ZodType } from 'zod';

/**
 * Request bodies are checked with the same zod schemas the engine uses; a bad body gets a
 * 400 listing each field path and what is wrong with it.
 */
export class ZodPipe<T extends ZodType> implements PipeTransform {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value);
    if (!result.success) {
      throw new BadRequestException({
        message: 'the request body is invalid',
        problems: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    return result.data;
  }
}

/** The JSON schema of a zod schema, for OpenAPI. */
export const openApiSchema = (schema: ZodType) =>
  z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
