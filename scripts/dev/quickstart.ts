// `npm start`: Helpline on one machine for someone trying it. Initialises ./data on first run,
// starts the server on http://127.0.0.1:8080, enrolls this machine's agent and runs it as a
// child process, and says what it did and how to go on.
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { enrollAgent } from '../../agent/enroll.js';
import { currentPlatform } from '../../agent/platform/index.js';
import { createAgentState } from '../../agent/state.js';
import { buildServer } from '../../server/build-server.js';
import { loadServerConfig } from '../../server/config.js';
import { initDataDir, isInitialised } from '../../server/data-dir.js';

const DATA_DIR = resolve('data');
const SERVER_DIR = join(DATA_DIR, 'server');
const AGENT_DIR = join(DATA_DIR, 'agent');
const AGENT_BIN = new URL('../../../bin/helpline-agent.js', import.meta.url);

async function main(): Promise<void> {
  let adminPassword: string | null = null;
  if (!isInitialised(SERVER_DIR)) {
    adminPassword = (await initDataDir(SERVER_DIR)).adminPassword;
    console.log(`Initialised ${SERVER_DIR} (database, channel and job signing keys, user "admin").`);
  }
  const config = loadServerConfig({ dataDir: SERVER_DIR, logLevel: 'warn' }, process.env);
  const server = await buildServer(config);
  let url: string;
  try {
    url = await server.listen();
  } catch (error) {
    await server.close();
    throw new Error(
      `cannot listen on ${config.host}:${config.port} (${(error as Error).message}); set HELPLINE_PORT to use another port`,
      { cause: error },
    );
  }
  console.log(`Server listening on ${url}`);

  const agentState = createAgentState(AGENT_DIR);
  if (!agentState.isEnrolled()) {
    const admin = server.services.users.byName('admin');
    const { token } = server.services.enrollment.createToken(
      { id: admin.id, name: 'quickstart', role: 'admin', line: null, tokenId: '' },
      { group: 'default', uses: 1, ttlSeconds: 600 },
    );
    const enrolled = await enrollAgent({ token, stateDir: AGENT_DIR, platform: currentPlatform() });
    console.log(
      `Enrolled this machine (${hostname()}) as device ${enrolled.deviceId}, key fingerprint ${enrolled.fingerprint}.`,
    );
  }
  const agent = spawn(process.execPath, [AGENT_BIN.pathname, 'run', '--state', AGENT_DIR, '--log-level', 'warn'], {
    stdio: 'inherit',
  });
  console.log(`Agent for this machine running (state in ${AGENT_DIR}).`);

  console.log(`\nWeb console: open ${url}/ in a browser and sign in as admin.`);
  console.log('\nNext steps, in another terminal:');
  console.log(
    `  npx helpline login --server ${url} --user admin --password ${adminPassword ?? '<the admin password printed on first start>'}`,
  );
  console.log('  npx helpline devices list');
  console.log('  npx helpline token create      (enroll more PCs: npx helpline-agent enroll --token <token>)');
  if (adminPassword) console.log(`\nThe admin password is shown this once: ${adminPassword}`);
  console.log('\nPress Ctrl-C to stop. Everything lives in ./data; delete it to start afresh.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    agent.kill('SIGTERM');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  agent.on('exit', (code) => {
    if (!stopping) console.error(`The agent exited (code ${code}); the server keeps running.`);
  });
}

main().catch((error: Error) => {
  console.error(`helpline quick start: ${error.message}`);
  process.exit(1);
});
