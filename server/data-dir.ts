// The server's data directory: database, channel key pair, job signing key pair, config.
// `helpline-server init` creates it; `start` loads it.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nacl from 'tweetnacl';
import { decodeKey, encodeKey } from '../protocol/keys.js';
import { openDatabase, type Db } from './db/database.js';
import { createAuditStore } from './features/audit/store.js';
import { generatePassword, hashPassword } from './features/auth/passwords.js';
import { createUserStore } from './features/users/store.js';

export const DATABASE_FILE = 'helpline.db';
const CHANNEL_KEY_FILE = 'keys/channel.key';
const SIGNING_KEY_FILE = 'keys/job-signing.key';
const SIGNING_PUBLIC_FILE = 'keys/job-signing.pub';

export interface ServerKeys {
  channel: nacl.BoxKeyPair;
  jobSigningPublicKey: Uint8Array;
  /** Absent when the admin keeps the signing key off the server (hardened set-up). */
  jobSigning: nacl.SignKeyPair | null;
}

export function isInitialised(dataDir: string): boolean {
  return existsSync(join(dataDir, DATABASE_FILE)) && existsSync(join(dataDir, CHANNEL_KEY_FILE));
}

/** Writes a private key file readable by the server's account only. */
function writePrivate(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
}

export async function initDataDir(dataDir: string, options: { adminPassword?: string } = {}) {
  if (isInitialised(dataDir)) throw new Error(`${dataDir} is already initialised; refusing to overwrite its keys`);
  if (options.adminPassword !== undefined && options.adminPassword.length < 10) {
    throw new Error('the admin password must be at least 10 characters long');
  }
  mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const channel = nacl.box.keyPair();
  const signing = nacl.sign.keyPair();
  writePrivate(
    join(dataDir, CHANNEL_KEY_FILE),
    JSON.stringify({ publicKey: encodeKey(channel.publicKey), secretKey: encodeKey(channel.secretKey) }) + '\n',
  );
  writePrivate(
    join(dataDir, SIGNING_KEY_FILE),
    JSON.stringify({ publicKey: encodeKey(signing.publicKey), secretKey: encodeKey(signing.secretKey) }) + '\n',
  );
  writeFileSync(join(dataDir, SIGNING_PUBLIC_FILE), encodeKey(signing.publicKey) + '\n', { mode: 0o644 });

  const adminPassword = options.adminPassword ?? generatePassword();
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    createUserStore(db).insert({
      name: 'admin',
      role: 'admin',
      line: null,
      passwordHash: await hashPassword(adminPassword),
    });
    createAuditStore(db).record({ actor: 'system', action: 'server.initialised', target: dataDir });
  } finally {
    db.close();
  }
  return {
    adminPassword,
    generated: options.adminPassword === undefined,
    channelPublicKey: encodeKey(channel.publicKey),
  };
}

function readKeyPair(file: string, secretLength: number) {
  let parsed: { publicKey?: string; secretKey?: string };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as typeof parsed;
  } catch (error) {
    throw new Error(`cannot read key file ${file}: ${(error as Error).message}`, { cause: error });
  }
  const publicKey = decodeKey(parsed.publicKey ?? '');
  const secretKey = decodeKey(parsed.secretKey ?? '', secretLength);
  if (!publicKey || !secretKey) throw new Error(`key file ${file} is damaged`);
  return { publicKey, secretKey };
}

export function loadServerKeys(dataDir: string): ServerKeys {
  const channel = readKeyPair(join(dataDir, CHANNEL_KEY_FILE), nacl.box.secretKeyLength);
  const signingFile = join(dataDir, SIGNING_KEY_FILE);
  const jobSigning = existsSync(signingFile) ? readKeyPair(signingFile, nacl.sign.secretKeyLength) : null;
  const jobSigningPublicKey =
    jobSigning?.publicKey ?? decodeKey(readFileSync(join(dataDir, SIGNING_PUBLIC_FILE), 'utf8').trim());
  if (!jobSigningPublicKey) throw new Error(`${SIGNING_PUBLIC_FILE} is damaged`);
  return { channel, jobSigning, jobSigningPublicKey };
}

export function assertInitialised(dataDir: string): void {
  if (!isInitialised(dataDir))
    throw new Error(
      `${dataDir} is not a Helpline data directory; run \`helpline-server init --data ${dataDir}\` first`,
    );
}

export function openDataDirDatabase(dataDir: string): Db {
  assertInitialised(dataDir);
  return openDatabase(join(dataDir, DATABASE_FILE));
}
