// Services on Windows from Win32_Service, printed as JSON by PowerShell.
import type { ServiceState } from '../../../protocol/messages/inventory-items.js';
import { type Collected, sortServices, textOrNull } from '../software/collected.js';
import { defaultRun, type Run, warningFor } from '../software/command.js';

// Windows PowerShell writes into a pipe in the console's OEM code page, which mangles localised
// display names ("Übermittlungsoptimierung"); UTF-8 without a byte-order mark avoids that.
const SCRIPT =
  '[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false; ' +
  'Get-CimInstance Win32_Service | Select-Object Name,DisplayName,State,StartMode | ConvertTo-Json';

export const POWERSHELL_ARGS = ['-NoProfile', '-NonInteractive', '-Command', SCRIPT];

interface Win32Service {
  Name?: unknown;
  DisplayName?: unknown;
  State?: unknown;
  StartMode?: unknown;
}

function stateOf(state: unknown): ServiceState['state'] {
  if (state === 'Running') return 'running';
  if (state === 'Stopped') return 'stopped';
  return 'other'; // Start/Stop/Continue/Pause Pending, Paused, Unknown
}

function startupOf(mode: unknown): ServiceState['startup'] {
  switch (mode) {
    case 'Auto': // includes "Automatic (Delayed Start)"
    case 'Boot':
    case 'System':
      return 'auto';
    case 'Manual':
      return 'manual';
    case 'Disabled':
      return 'disabled';
    default:
      return null;
  }
}

/**
 * Parses `... | ConvertTo-Json`. ConvertTo-Json prints a lone object (not a one-element array)
 * for a single service, and nothing at all for none.
 */
export function parseWin32ServicesJson(output: string): ServiceState[] {
  const text = output.replace(/^\uFEFF/, '').trim();
  if (text === '') return [];
  const parsed: unknown = JSON.parse(text);
  const rows = (Array.isArray(parsed) ? parsed : [parsed]) as Win32Service[];
  const services: ServiceState[] = [];
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const name = textOrNull(typeof row.Name === 'string' ? row.Name : undefined, 300);
    if (name === null) continue;
    services.push({
      name,
      displayName: textOrNull(typeof row.DisplayName === 'string' ? row.DisplayName : undefined, 300),
      state: stateOf(row.State),
      startup: startupOf(row.StartMode),
    });
  }
  return services;
}

export async function collectWindowsServices(run: Run = defaultRun): Promise<Collected<ServiceState>> {
  try {
    const output = await run('powershell.exe', POWERSHELL_ARGS);
    return { items: sortServices(parseWin32ServicesJson(output)), warnings: [] };
  } catch (error) {
    return { items: [], warnings: [warningFor('powershell Win32_Service', error)] };
  }
}
