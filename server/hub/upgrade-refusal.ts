// Refuses an agent's WebSocket upgrade with a plain HTTP answer, before any socket is upgraded.
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { UpgradeRefusal, type UpgradeRefusalCode } from '../../protocol/close-codes.js';

export function refuseUpgrade(socket: Duplex, code: UpgradeRefusalCode, message: string, retryAfterSec?: number): void {
  const status = UpgradeRefusal[code];
  const body = JSON.stringify({ code, message });
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Refused'}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  if (retryAfterSec !== undefined) headers.push(`Retry-After: ${retryAfterSec}`);
  if (socket.writable) socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
  socket.destroy();
}
