import { registerDuplicateDef } from './definitions';
import { companyKey, websiteDomain } from './keys';
import { sameKeyRule, sameValueRule, similarCompanyRule, similarNameAtAccountRule } from './rules';

/** The duplicate rules of each record type: one registration each. */

registerDuplicateDef({
  type: 'contacts',
  table: 'contacts',
  rules: [
    sameValueRule({
      name: 'email',
      description: 'Same email address (capitals ignored)',
      score: 0.95,
      fields: ['email'],
      targets: [{ type: 'contacts', table: 'contacts', columns: ['email'] }],
    }),
    sameValueRule({
      name: 'phone',
      description: 'Same phone number (any of phone and mobile, compared in international form)',
      score: 0.85,
      fields: ['phone', 'mobile'],
      targets: [{ type: 'contacts', table: 'contacts', columns: ['phone', 'mobile'] }],
    }),
    similarNameAtAccountRule({ name: 'nameAtAccount', description: 'Similar name at the same account', score: 0.8, threshold: 0.9 }),
  ],
});

registerDuplicateDef({
  type: 'accounts',
  table: 'accounts',
  rules: [
    similarCompanyRule({
      name: 'name',
      description: 'Similar name, legal forms ignored (Inc, Ltd, LLC, GmbH, 有限公司...)',
      score: 0.85,
      threshold: 0.92,
      type: 'accounts',
      field: 'name',
      key: (values) => companyKey(values.name),
    }),
    sameKeyRule({
      name: 'domain',
      description: 'Same website domain',
      score: 0.9,
      type: 'accounts',
      kind: 'domain',
      field: 'website',
      key: (values) => websiteDomain(values.website),
    }),
    sameValueRule({
      name: 'phone',
      description: 'Same phone number',
      score: 0.7,
      fields: ['phone'],
      targets: [{ type: 'accounts', table: 'accounts', columns: ['phone'] }],
    }),
  ],
});

registerDuplicateDef({
  type: 'leads',
  table: 'leads',
  rules: [
    sameValueRule({
      name: 'email',
      description: 'Same email address as another lead or a contact',
      score: 0.95,
      fields: ['email'],
      targets: [
        { type: 'leads', table: 'leads', columns: ['email'] },
        { type: 'contacts', table: 'contacts', columns: ['email'] },
      ],
    }),
    sameValueRule({
      name: 'phone',
      description: 'Same phone number as another lead or a contact',
      score: 0.85,
      fields: ['phone', 'mobile'],
      targets: [
        { type: 'leads', table: 'leads', columns: ['phone', 'mobile'] },
        { type: 'contacts', table: 'contacts', columns: ['phone', 'mobile'] },
      ],
    }),
  ],
});
