// The administration page's sections, each an address of its own (/admin/users). Here, not in
// the page, so the router can tell a section from another page without loading the admin page.
export const ADMIN_SECTIONS = ['enrollment', 'devices', 'users', 'help-desk', 'notifications', 'audit'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];
export const isAdminSection = (text: string): text is AdminSection =>
  (ADMIN_SECTIONS as readonly string[]).includes(text);
