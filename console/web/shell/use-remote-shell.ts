// A remote shell bound to a terminal in the page: loads xterm (lazily), fits it to its host,
// opens the socket at that size, and wires keys, output, resizes and the end together. Leaving
// the page or closing the tab closes the socket, which ends the session on the server.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.js';
import { openShellSocket, type ShellPhase, type ShellSocket } from './shell-socket.js';
import type { ConsoleTerminal } from './terminal.js';

export type RemoteShellState = ShellPhase | { kind: 'loading' } | { kind: 'failed'; error: unknown };

/**
 * Copy and paste as in a desktop terminal: Ctrl+Shift+C copies the selection, Ctrl+Shift+V and
 * Ctrl+V paste (Ctrl+V is left to the browser, whose paste event xterm reads). Every other key
 * goes to xterm, so Ctrl+C reaches the PC.
 */
function clipboardKeys(shell: ConsoleTerminal): void {
  shell.terminal.attachCustomKeyEventHandler((event) => {
    if (event.type !== 'keydown' || !event.ctrlKey || event.altKey || event.metaKey) return true;
    if (event.shiftKey && event.code === 'KeyC') {
      const text = shell.terminal.getSelection();
      if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
      return false;
    }
    if (event.shiftKey && event.code === 'KeyV') {
      event.preventDefault();
      void navigator.clipboard
        ?.readText()
        .then((text) => text && shell.terminal.paste(text))
        .catch(() => undefined);
      return false;
    }
    return !(event.code === 'KeyV' && !event.shiftKey);
  });
}

export function useRemoteShell(request: { deviceId: string; ticket?: number; attempt: number }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<RemoteShellState>({ kind: 'loading' });
  const socketRef = useRef<ShellSocket | null>(null);

  useEffect(() => {
    let stopped = false;
    let socket: ShellSocket | null = null;
    let terminal: ConsoleTerminal | null = null;
    let observer: ResizeObserver | null = null;
    const closeSocket = () => socket?.close();
    setState({ kind: 'loading' });
    import('./terminal.js').then(
      ({ createTerminal }) => {
        if (stopped || !host.current) return;
        terminal = createTerminal(host.current, { label: t('shell.terminalLabel') });
        const live = terminal;
        clipboardKeys(live);
        const size = live.fit();
        socket = openShellSocket(
          { deviceId: request.deviceId, size, ticket: request.ticket },
          {
            phase(phase) {
              if (stopped) return;
              setState(phase);
              if (phase.kind === 'open') live.terminal.focus();
              // Keys typed after the end would go nowhere: the terminal stops taking them.
              if (phase.kind === 'ended' || phase.kind === 'refused' || phase.kind === 'lost')
                live.terminal.options.disableStdin = true;
            },
            output: (bytes, written) => live.terminal.write(bytes, written),
          },
        );
        socketRef.current = socket;
        const open = socket;
        live.terminal.onData((data) => open.input(data));
        live.terminal.onBinary((data) => open.inputBinary(data));
        live.terminal.onResize((next) => open.resize(next));
        // The window, the layout or the font changing size all refit the terminal; xterm then
        // reports its new size (onResize), which goes to the PC.
        observer = new ResizeObserver(() => live.fit());
        observer.observe(host.current);
        addEventListener('pagehide', closeSocket);
      },
      (error: unknown) => !stopped && setState({ kind: 'failed', error }),
    );
    return () => {
      stopped = true;
      removeEventListener('pagehide', closeSocket);
      observer?.disconnect();
      socket?.close();
      socketRef.current = null;
      terminal?.dispose();
    };
  }, [request.deviceId, request.ticket, request.attempt]);

  return { host, state, end: () => socketRef.current?.close() };
}
