// Request validation with two Ajv instances. Query strings, path parameters and headers arrive as
// text, so they are coerced to the schema's types ("5" → 5). JSON bodies are not: coercion turns
// a null into "" when a schema allows "string or null" (Ajv coerces inside the first branch of
// the union), which silently changed what a client sent. Unknown fields are refused, not dropped.
import { Ajv, type Options } from 'ajv';
import formatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

// ajv-formats is CommonJS: Node hands over module.exports, which TypeScript types as the module
// with its `default`. That `default` is there at run time too (the plugin is its own default).
const addFormats = formatsModule.default;

const COMMON: Options = { useDefaults: true, removeAdditional: false, allErrors: false, addUsedSchema: false };

function ajvWith(options: Options): Ajv {
  const ajv = new Ajv({ ...COMMON, ...options });
  addFormats(ajv);
  return ajv;
}

export function registerValidators(app: FastifyInstance): void {
  const forBody = ajvWith({ coerceTypes: false });
  const forText = ajvWith({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? forBody : forText).compile(schema));
}
