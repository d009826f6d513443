// Local user accounts, per OS. People accounts only: system accounts are left out.
import type { InventorySectionData } from '../../protocol/messages/inventory.js';

export type LocalUser = InventorySectionData<'users'>['local'][number];

const LOGIN_DISABLED_SHELLS = /(nologin|false|sync|shutdown|halt)$/;

/** /etc/passwd: regular users (uid 1000–59999) and root. */
export function parsePasswd(text: string): LocalUser[] {
  const users: LocalUser[] = [];
  for (const line of text.split('\n')) {
    const [name, , uid, , , home, shell] = line.split(':');
    if (!name || uid === undefined || line.startsWith('#')) continue;
    const id = Number(uid);
    const person = (id >= 1000 && id < 60000) || id === 0;
    if (!person || LOGIN_DISABLED_SHELLS.test(shell ?? '')) continue;
    users.push({ name, uid, home: home ?? '', shell: (shell ?? '').trim() });
  }
  return users.sort((a, b) => a.name.localeCompare(b.name));
}

/** `Get-LocalUser | Select-Object Name,SID,Enabled | ConvertTo-Json` (an object when there is one user). */
export function parseWindowsLocalUsers(json: string): LocalUser[] {
  const parsed = JSON.parse(json || '[]') as unknown;
  const rows = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{
    Name?: string;
    SID?: string | { Value?: string };
    Enabled?: boolean;
  }>;
  return rows
    .filter((row) => row.Name && row.Enabled !== false)
    .map((row) => ({
      name: row.Name!,
      uid: typeof row.SID === 'string' ? row.SID : (row.SID?.Value ?? null),
      home: '',
      shell: '',
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `dscl . -list /Users UniqueID`: people have ids from 501; names starting with _ are services. */
export function parseDsclUsers(text: string): LocalUser[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([name, uid]) => name && uid && !name.startsWith('_') && Number(uid) >= 501)
    .map(([name, uid]) => ({ name: name!, uid: uid!, home: `/Users/${name}`, shell: '' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
