import { adminEn } from '../features/admin/i18n/en';
import { duplicatesEn } from '../features/duplicates/i18n/en';
import { workstationEn } from '../features/workstation/i18n/en';
import { customersEn } from '../features/customers/i18n/en';
import { recordsEn } from '../features/records/i18n/en';
import { salesEn } from '../features/sales/i18n/en';
import { searchEn } from '../features/search/i18n/en';
import { serviceEn } from '../features/service/i18n/en';
import { importEn } from '../features/import/i18n/en';

/**
 * English, the reference language: zh-CN.ts must have exactly these keys (the compiler checks the
 * shape, tests/unit/i18n.test.ts checks that no value is empty).
 */
export const en = {
  app: {
    name: 'Lantern CRM',
    tagline: 'Your customers, on your own server.',
    version: 'Version {{version}}',
  },
  common: {
    cancel: 'Cancel',
    close: 'Close',
    retry: 'Try again',
    loading: 'Loading…',
    none: '—',
    togglePasswordVisibility: 'Show or hide the password',
  },
  nav: {
    label: 'Main navigation',
    toggle: 'Toggle navigation',
    home: 'Home',
    accounts: 'Accounts',
    contacts: 'Contacts',
    leads: 'Leads',
    opportunities: 'Opportunities',
    activities: 'Activities',
    cases: 'Cases',
    reports: 'Reports',
    settings: 'Settings',
    preferences: 'Preferences',
    users: 'Users',
    recycleBin: 'Recycle bin',
  },
  header: {
    searchLabel: 'Search',
    searchPlaceholder: 'Search…',
    language: 'Language',
    switchToDark: 'Switch to dark theme',
    switchToLight: 'Switch to light theme',
    userMenu: 'Account menu',
    changePassword: 'Change password',
    signOut: 'Sign out',
  },
  roles: {
    admin: 'Administrator',
    manager: 'Manager',
    sales: 'Sales',
    support: 'Support',
    readonly: 'Read-only',
  },
  login: {
    title: 'Sign in',
    subtitle: 'Use the account your administrator gave you.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Could not sign in',
  },
  setup: {
    title: 'Welcome to Lantern CRM',
    intro: 'Create the first administrator account. You can add everyone else afterwards.',
    setupCode: 'Setup code',
    setupCodeHint: 'The one-time code the office server printed when it started.',
    username: 'Administrator username',
    displayName: 'Display name',
    password: 'Password',
    confirmPassword: 'Confirm password',
    submit: 'Create administrator and sign in',
    failed: 'Could not create the administrator',
  },
  validation: {
    required: 'Required',
    passwordTooShort: 'At least 8 characters',
    passwordsDiffer: 'The passwords do not match',
  },
  password: {
    title: 'Change password',
    current: 'Current password',
    new: 'New password',
    confirm: 'Confirm new password',
    hint: 'At least 8 characters. Your other sessions will be signed out.',
    submit: 'Change password',
    changed: 'Your password was changed.',
  },
  home: {
    welcome: 'Welcome, {{name}}',
    intro: 'Signed in as {{role}}. Here is what needs you next.',
  },
  placeholder: {
    comingSoon: 'Coming soon',
    body: 'This part of Lantern CRM is not available yet.',
  },
  settings: {
    title: 'Settings',
    preferences: {
      title: 'Preferences',
      description: 'These choices are remembered on this device.',
      language: 'Language',
      colorScheme: 'Theme',
      light: 'Light',
      dark: 'Dark',
      auto: 'Follow system',
    },
  },
  users: {
    title: 'Users',
    subtitle: 'Everyone who can sign in to Lantern CRM.',
    newUser: 'New user',
    createTitle: 'Create user',
    create: 'Create user',
    username: 'Username',
    displayName: 'Display name',
    password: 'Password',
    role: 'Role',
    roleFor: 'Role of {{name}}',
    manager: 'Manager',
    noManager: 'No manager',
    status: 'Status',
    actions: 'Actions',
    active: 'Active',
    inactive: 'Deactivated',
    you: 'You',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    showInactive: 'Show deactivated users',
    empty: 'No users to show.',
    created: '{{name}} can now sign in.',
    roleChanged: '{{name}} is now {{role}}.',
    deactivated: '{{name}} can no longer sign in.',
    reactivated: '{{name}} can sign in again.',
  },
  access: {
    notAllowedTitle: 'Not allowed',
    notAllowedBody: 'Your role does not give access to this page. Ask an administrator if you need it.',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is nothing at this address.',
    home: 'Go to Home',
  },
  errors: {
    requestFailed: 'Request failed',
    network: 'Cannot reach the server. Check the connection and try again.',
    generic: 'Something went wrong. Please try again.',
    sessionEnded: 'Your session has ended. Please sign in again.',
    boundaryTitle: 'Something went wrong',
    boundaryBody: 'An unexpected error stopped this page. Reloading usually fixes it.',
    reload: 'Reload',
    loadFailed: 'Could not load your session',
  },
  records: recordsEn,
  customers: customersEn,
  admin: adminEn,
  sales: salesEn,
  service: serviceEn,
  import: importEn,
  search: searchEn,
  duplicates: duplicatesEn,
  workstation: workstationEn,
};

export type Messages = typeof en;
