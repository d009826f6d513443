// Compiles a TypeBox validator the first time it is used rather than when its module loads.
// Compiling generates code (new Function), which the web console's CSP forbids; modules the
// browser imports for their schemas (the route table) must therefore not compile at load time.
import type { TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';

/** A validator with no shared definitions (TypeBox's context), as Compile(schema) makes. */
type SchemaValidator<T extends TSchema> = Validator<Record<never, never>, T>;

export function compileOnUse<const T extends TSchema>(schema: T): () => SchemaValidator<T> {
  let validator: SchemaValidator<T> | undefined;
  return () => (validator ??= Compile<T, SchemaValidator<T>>(schema));
}
