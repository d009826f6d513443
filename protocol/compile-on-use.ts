// Compiles a TypeBox validator the first time it is used rather than when its module loads.
// Compiling generates code (new Function), which the web console's CSP forbids; modules the
// browser imports for their schemas (the route table) must therefore not compile at load time.
import type { TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';

export function compileOnUse<const T extends TSchema>(schema: T): () => Validator<{}, T> {
  let validator: Validator<{}, T> | undefined;
  return () => (validator ??= Compile<T, Validator<{}, T>>(schema));
}
