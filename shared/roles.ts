/** Roles, from most to least powerful. Teams come from `managerId`: a manager's team is everyone who reports to them. */
export const ROLES = ['admin', 'manager', 'sales', 'support', 'readonly'] as const;
export type Role = (typeof ROLES)[number];
