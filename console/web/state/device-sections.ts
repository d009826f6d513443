// The device page's sections, each an address of its own (/devices/:id/health). Here, not in the
// page, so the router can tell a section from another page without loading the device page.
export const DEVICE_SECTIONS = [
  'overview',
  'hardware',
  'software',
  'services',
  'changes',
  'health',
  'activity',
] as const;
export type DeviceSection = (typeof DEVICE_SECTIONS)[number];
export const isDeviceSection = (text: string): text is DeviceSection =>
  (DEVICE_SECTIONS as readonly string[]).includes(text);
