// xterm.js for the console: one terminal in a host element, fitted to it. This module (with
// xterm and its stylesheet) is loaded with import() by the pages that show a terminal, so the
// first page's bundle does not carry it. xterm keeps its default DOM renderer: the terminal's
// text is real text in the page, for screen readers and for the tests.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITerminalOptions } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { holdCspSafeStyles } from './csp-styles.js';

export type { Terminal };

const THEME: ITerminalOptions['theme'] = {
  background: '#111827',
  foreground: '#e5e7eb',
  cursor: '#e5e7eb',
  selectionBackground: '#3b5bdb80',
};

export interface ConsoleTerminal {
  terminal: Terminal;
  /** Fits the terminal to its host; returns the size it now has. */
  fit(): { cols: number; rows: number };
  dispose(): void;
}

export function createTerminal(
  host: HTMLElement,
  options: { label: string; readOnly?: boolean; cols?: number; rows?: number },
): ConsoleTerminal {
  const release = holdCspSafeStyles(host.ownerDocument);
  try {
    const terminal = new Terminal({
      cols: options.cols ?? 80,
      rows: options.rows ?? 24,
      cursorBlink: !options.readOnly,
      disableStdin: options.readOnly ?? false,
      fontFamily: "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace",
      fontSize: 14,
      scrollback: 5000,
      theme: THEME,
    });
    const fitAddon = new FitAddon();
    terminal.loadAddon(fitAddon);
    terminal.open(host);
    // The input xterm reads keys from is a hidden textarea: its name is the terminal's.
    terminal.textarea?.setAttribute('aria-label', options.label);
    return {
      terminal,
      fit() {
        fitAddon.fit();
        return { cols: terminal.cols, rows: terminal.rows };
      },
      dispose() {
        terminal.dispose();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
