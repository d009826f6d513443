// Signing and checking job envelopes (Ed25519, tweetnacl). The signature covers a fixed context
// string and the envelope as stable JSON, so neither a reordered object nor a signature made for
// something else (a channel message, another protocol version) passes as a job.
import nacl from 'tweetnacl';
import { fromBase64Url, toBase64Url, toHex, utf8Encode } from './bytes.js';
import type { JobEnvelope } from './messages/jobs.js';
import { stableStringify } from './stable-json.js';

const CONTEXT = 'helpline-job-v1\n';

/** How far the agent's clock may be behind the server's before a fresh job looks "not yet". */
export const JOB_CLOCK_SKEW_MS = 5 * 60_000;

function signedBytes(envelope: JobEnvelope): Uint8Array {
  return utf8Encode(CONTEXT + stableStringify(envelope));
}

export function scriptHash(script: string): string {
  return toHex(nacl.hash(utf8Encode(script)));
}

export function signJob(envelope: JobEnvelope, signingSecretKey: Uint8Array): string {
  return toBase64Url(nacl.sign.detached(signedBytes(envelope), signingSecretKey));
}

export function isJobSignatureValid(envelope: JobEnvelope, signature: string, signingPublicKey: Uint8Array): boolean {
  const bytes = fromBase64Url(signature);
  if (!bytes || bytes.length !== nacl.sign.signatureLength) return false;
  return nacl.sign.detached.verify(signedBytes(envelope), bytes, signingPublicKey);
}

export type JobCheck = { ok: true } | { ok: false; reason: string };

/**
 * Everything an agent checks before it runs a job, in order: it is for this device, the
 * signature is the pinned key's, the script is the one signed, the time window is open, and the
 * job id never ran here. `alreadyRan` is asked last, so a forged job cannot probe the record.
 */
export function checkJob(
  input: { envelope: JobEnvelope; signature: string; script: string },
  context: { deviceId: string; signingPublicKey: Uint8Array; now: number; alreadyRan: (jobId: string) => boolean },
): JobCheck {
  const { envelope } = input;
  if (envelope.deviceId !== context.deviceId)
    return { ok: false, reason: `job is for device ${envelope.deviceId}, not this one` };
  if (!isJobSignatureValid(envelope, input.signature, context.signingPublicKey))
    return { ok: false, reason: 'bad signature: not signed by the pinned job signing key' };
  if (scriptHash(input.script) !== envelope.scriptHash)
    return { ok: false, reason: 'script does not match the signed hash (tampered)' };
  if (context.now >= envelope.expiresAt)
    return { ok: false, reason: `job expired at ${new Date(envelope.expiresAt).toISOString()}` };
  if (context.now + JOB_CLOCK_SKEW_MS < envelope.notBefore)
    return { ok: false, reason: `job may not start before ${new Date(envelope.notBefore).toISOString()}` };
  if (context.alreadyRan(envelope.jobId))
    return { ok: false, reason: `job ${envelope.jobId} already ran on this device (replay)` };
  return { ok: true };
}
