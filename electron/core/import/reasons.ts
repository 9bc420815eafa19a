import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../../shared/errors';
import { importFieldLabel, type ImportLocale } from '../../../shared/import-labels';
import { IMPORT_MESSAGES, RULE_MESSAGES_ZH, stageMessageZh, zodErrorMapZhCN, type ImportMessages } from './messages';
import { RowError } from './values';

/**
 * Why an import refused a row, written in the language the import was started in (import.start's
 * `locale`) and stored as written. English is the API's own wording, fields by their API names
 * ("email: Not an email address"); Chinese names each field as the wizard's mapping step does
 * ("邮箱：不是有效的邮箱地址").
 */
export class ImportReasons {
  readonly messages: ImportMessages;
  /** The options of a create/update schema's parse: Chinese messages for this parse only; none for English. */
  readonly parseContext: { error: z.core.$ZodErrorMap } | undefined;

  constructor(
    readonly locale: ImportLocale,
    /** The type imported: a field is labelled as the wizard labels it for this type. */
    private readonly type: string,
  ) {
    this.messages = IMPORT_MESSAGES[locale];
    this.parseContext = locale === 'zh-CN' ? { error: zodErrorMapZhCN } : undefined;
  }

  /** A reason about one field (or the whole row, for an empty path). */
  field(path: string, message: string): string {
    if (path === '') return this.messages.wholeRow(message);
    return this.messages.field(this.locale === 'en' ? path : importFieldLabel(this.type, path, this.locale), message);
  }

  /** A row refused for one field's value. */
  fieldError(path: string, message: string): RowError {
    return new RowError(this.field(path, message));
  }

  /** A row the type's schema refused: one reason per issue. */
  ofIssues(issues: readonly z.core.$ZodIssue[]): string {
    return issues.map((issue) => this.field(issue.path.join('.'), this.ruleMessage(issue.message) ?? issue.message)).join(this.messages.separator);
  }

  /**
   * A row the record rules refused. Their messages are the API's English: in another language a
   * refusal naming its fields is rewritten when every message is one the import knows, otherwise
   * (a permission refusal, a rule's own summary) it stays as the rule wrote it.
   */
  ofRefusal(error: RowError | AppError): string {
    if (error instanceof RowError || this.locale === 'en' || !Array.isArray(error.details) || error.details.length === 0) return error.message;
    const parts: string[] = [];
    for (const detail of error.details as FieldIssue[]) {
      const message = this.ruleMessage(detail.message);
      if (message === undefined) return error.message;
      parts.push(this.field(detail.path, message));
    }
    return parts.join(this.messages.separator);
  }

  /** A record rule's English field message in this language, when the import knows it. */
  private ruleMessage(message: string): string | undefined {
    if (this.locale === 'en') return message;
    return RULE_MESSAGES_ZH.get(message) ?? stageMessageZh(message);
  }
}
