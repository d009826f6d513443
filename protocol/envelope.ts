// The message envelope `{ v, id, type, body }` and one decoder per direction.
// Decoders never throw: they return a result saying what was wrong.
import nacl from 'tweetnacl';
import { Type, type Static, type TSchema } from 'typebox';
import { compileOnUse } from './compile-on-use.js';
import { toHex, utf8Decode, utf8Encode } from './bytes.js';
import { PROTOCOL_VERSION } from './limits.js';
import { describeFirstError } from './schema-errors.js';
import { AgentToServerBodies } from './messages/agent-to-server.js';
import { ServerToAgentBodies } from './messages/server-to-agent.js';

export const Envelope = Type.Object(
  {
    v: Type.Literal(PROTOCOL_VERSION),
    id: Type.String({ minLength: 1, maxLength: 64 }),
    type: Type.String({ minLength: 1, maxLength: 64 }),
    body: Type.Unknown(),
  },
  { additionalProperties: false },
);

type BodyMap = Record<string, TSchema>;

export type MessageOf<M extends BodyMap> = {
  [K in keyof M & string]: { v: typeof PROTOCOL_VERSION; id: string; type: K; body: Static<M[K]> };
}[keyof M & string];

export type AgentToServerType = keyof typeof AgentToServerBodies;
export type ServerToAgentType = keyof typeof ServerToAgentBodies;
export type AgentToServerMessage = MessageOf<typeof AgentToServerBodies>;
export type ServerToAgentMessage = MessageOf<typeof ServerToAgentBodies>;
export type AgentToServerBody<K extends AgentToServerType> = Static<(typeof AgentToServerBodies)[K]>;
export type ServerToAgentBody<K extends ServerToAgentType> = Static<(typeof ServerToAgentBodies)[K]>;

export type DecodeResult<Message> =
  | { ok: true; message: Message }
  /** Not an envelope at all, or an unknown type: the sender is broken; close the connection. */
  | { ok: false; kind: 'malformed'; error: string }
  /** A known message whose body fails its schema: refuse that message, keep the connection. */
  | { ok: false; kind: 'invalid_body'; id: string; type: string; error: string };

const envelopeValidator = compileOnUse(Envelope);

function makeDecoder<M extends BodyMap>(bodies: M) {
  // Each validator is compiled when its type is first seen: a program only pays for the
  // direction and the messages it actually receives (the agent never decodes agent messages).
  const validators = Object.fromEntries(Object.entries(bodies).map(([type, schema]) => [type, compileOnUse(schema)]));
  const validatorFor = (type: string) => (Object.hasOwn(validators, type) ? validators[type]!() : undefined);
  return (bytes: Uint8Array): DecodeResult<MessageOf<M>> => {
    const text = utf8Decode(bytes);
    if (text === null) return { ok: false, kind: 'malformed', error: 'message is not valid UTF-8' };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, kind: 'malformed', error: 'message is not valid JSON' };
    }
    if (!envelopeValidator().Check(value)) {
      return {
        ok: false,
        kind: 'malformed',
        error: `envelope invalid: ${describeFirstError(envelopeValidator(), value)}`,
      };
    }
    const validator = validatorFor(value.type);
    if (!validator) return { ok: false, kind: 'malformed', error: `unknown message type "${value.type}"` };
    if (!validator.Check(value.body)) {
      return {
        ok: false,
        kind: 'invalid_body',
        id: value.id,
        type: value.type,
        error: describeFirstError(validator, value.body),
      };
    }
    return { ok: true, message: value as MessageOf<M> };
  };
}

/** Server side: decodes what an agent sent. */
export const decodeAgentToServer = makeDecoder(AgentToServerBodies);
/** Agent side: decodes what the server sent. */
export const decodeServerToAgent = makeDecoder(ServerToAgentBodies);

export function newMessageId(): string {
  return toHex(nacl.randomBytes(8));
}

export function encodeAgentToServer<K extends AgentToServerType>(
  type: K,
  body: AgentToServerBody<K>,
  id = newMessageId(),
): Uint8Array {
  return utf8Encode(JSON.stringify({ v: PROTOCOL_VERSION, id, type, body }));
}

export function encodeServerToAgent<K extends ServerToAgentType>(
  type: K,
  body: ServerToAgentBody<K>,
  id = newMessageId(),
): Uint8Array {
  return utf8Encode(JSON.stringify({ v: PROTOCOL_VERSION, id, type, body }));
}
