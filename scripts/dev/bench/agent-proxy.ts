// A TCP proxy between the agent and the server that counts the bytes going each way. What it
// counts is TCP payload (HTTP, WebSocket frames and the sealed messages inside them); TCP/IP
// headers and bare ACKs are not in it, so the figures are what the agent's sockets carry.
import { createServer, connect, type Socket } from 'node:net';

export interface ByteCounts {
  /** Agent → server. */
  upstream: number;
  /** Server → agent. */
  downstream: number;
  /** TCP connections the agent opened through the proxy so far. */
  connections: number;
  /** Connections open right now. */
  open: number;
}

export interface CountingProxy {
  url: string;
  counts(): ByteCounts;
  close(): Promise<void>;
}

export async function startCountingProxy(targetUrl: string): Promise<CountingProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  const counts: ByteCounts = { upstream: 0, downstream: 0, connections: 0, open: 0 };
  const sockets = new Set<Socket>();

  const server = createServer((agentSide) => {
    counts.connections++;
    counts.open++;
    const serverSide = connect(targetPort, target.hostname);
    for (const socket of [agentSide, serverSide]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.once('close', () => {
        sockets.delete(socket);
        (socket === agentSide ? serverSide : agentSide).destroy();
      });
    }
    agentSide.once('close', () => counts.open--);
    agentSide.on('data', (chunk: Buffer) => (counts.upstream += chunk.length));
    serverSide.on('data', (chunk: Buffer) => (counts.downstream += chunk.length));
    agentSide.pipe(serverSide);
    serverSide.pipe(agentSide);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP address');

  return {
    url: `${target.protocol}//127.0.0.1:${address.port}`,
    counts: () => ({ ...counts }),
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
