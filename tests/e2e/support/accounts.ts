/** The administrator the shared e2e server creates on first start (LANTERN_ADMIN_USER/PASSWORD). */
export const ADMIN = { username: 'admin', password: 'e2e-admin-Passw0rd' };

/** A sales user the foundation spec creates through Settings > Users. */
export const SALES = { username: 'sally', displayName: 'Sally Sales', password: 'sally-Passw0rd' };
