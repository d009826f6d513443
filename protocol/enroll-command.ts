// The command a PC runs to enroll with a token: one wording for the CLI's `token create` and the
// web console's copy button. Token text is `hl1_` + base64url, so it needs no shell quoting.

/** The program and flag, as a placeholder for help texts: `helpline-agent enroll --token TOKEN`. */
export const ENROLL_COMMAND_PREFIX = 'helpline-agent enroll --token';

/** The whole command for one token, ready to paste into a terminal on the PC. */
export function enrollCommand(token: string): string {
  return `${ENROLL_COMMAND_PREFIX} ${token}`;
}
