/** Helpline's version, sent by agents and shown by the server; a test keeps it equal to package.json. */
export const HELPLINE_VERSION = '0.1.0';
