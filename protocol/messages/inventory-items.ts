// Items of the software and services inventory sections, shared by the agent's per-OS
// collectors and the server's storage.
import { Type, type Static } from 'typebox';

export const SoftwareSource = Type.Union([
  Type.Literal('dpkg'),
  Type.Literal('rpm'),
  Type.Literal('apk'),
  Type.Literal('pacman'),
  Type.Literal('snap'),
  Type.Literal('flatpak'),
  /** Windows Uninstall key, machine-wide 64-bit view. */
  Type.Literal('registry'),
  /** Windows Uninstall key, machine-wide 32-bit view (WOW6432Node). */
  Type.Literal('registry32'),
  /** Windows Uninstall key of one user (HKCU / HKU). */
  Type.Literal('registry-user'),
  /** macOS application bundle. */
  Type.Literal('app'),
]);
export type SoftwareSource = Static<typeof SoftwareSource>;

export const SoftwarePackage = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    version: Type.String({ maxLength: 200 }),
    publisher: Type.Union([Type.String({ maxLength: 300 }), Type.Null()]),
    source: SoftwareSource,
    /** ISO 8601 date or date-time when the OS records it, else null. */
    installedAt: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]),
    arch: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type SoftwarePackage = Static<typeof SoftwarePackage>;

export const ServiceState = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    /** Shown to people (Windows display name, systemd description); null when the OS gives none. */
    displayName: Type.Union([Type.String({ maxLength: 300 }), Type.Null()]),
    state: Type.Union([Type.Literal('running'), Type.Literal('stopped'), Type.Literal('other')]),
    startup: Type.Union([Type.Literal('auto'), Type.Literal('manual'), Type.Literal('disabled'), Type.Null()]),
  },
  { additionalProperties: false },
);
export type ServiceState = Static<typeof ServiceState>;
