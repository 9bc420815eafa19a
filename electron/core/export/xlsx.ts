import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/**
 * A streaming .xlsx writer: rows go straight into a deflated zip entry as they come, so memory
 * stays flat however many rows there are. Cells are inline strings or numbers (no shared-string
 * table to hold in memory). Why not exceljs: unmaintained since 2023 with stale dependencies;
 * write-excel-file builds the whole workbook in memory. The format needs only five small parts.
 */

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's limit is 1,048,576 rows per sheet: more rows continue on the next sheet. */
const MAX_ROWS = 1_048_576;

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export class XlsxWriter {
  private readonly zip: Zip;
  private sheet: ZipDeflate | null = null;
  private sheets = 0;
  private rowInSheet = 0;
  private readonly columns: string[];
  private readonly encoder = new TextEncoder();

  /** `out` receives the file's bytes in order; `final` is true for the last chunk. */
  constructor(
    private readonly headers: string[],
    out: (chunk: Uint8Array, final: boolean) => void,
  ) {
    this.columns = headers.map((_, i) => columnName(i));
    this.zip = new Zip((error, chunk, final) => {
      if (error) throw error;
      out(chunk, final);
    });
  }

  private text(name: string, content: string): void {
    const file = new ZipPassThrough(name);
    this.zip.add(file);
    file.push(this.encoder.encode(content), true);
  }

  private startSheet(): void {
    this.sheets++;
    this.sheet = new ZipDeflate(`xl/worksheets/sheet${this.sheets}.xml`, { level: 1 });
    this.zip.add(this.sheet);
    this.sheet.push(
      this.encoder.encode(`${XML_HEADER}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`),
    );
    this.rowInSheet = 0;
    this.row(this.headers);
  }

  private rowXml(cells: readonly unknown[]): string {
    const r = ++this.rowInSheet;
    let xml = `<row r="${r}">`;
    cells.forEach((value, i) => {
      if (value === null || value === undefined || value === '') return;
      const ref = `${this.columns[i] ?? columnName(i)}${r}`;
      if (typeof value === 'number' && Number.isFinite(value)) xml += `<c r="${ref}"><v>${value}</v></c>`;
      else if (typeof value === 'boolean') xml += `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
      else xml += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
    });
    return `${xml}</row>`;
  }

  private row(cells: readonly unknown[]): void {
    this.sheet!.push(this.encoder.encode(this.rowXml(cells)));
  }

  /** Adds rows (each an array in header order). */
  rows(rows: readonly (readonly unknown[])[]): void {
    let xml = '';
    for (const cells of rows) {
      if (!this.sheet || this.rowInSheet >= MAX_ROWS) {
        if (xml) this.sheet!.push(this.encoder.encode(xml));
        xml = '';
        this.endSheet();
        this.startSheet();
      }
      xml += this.rowXml(cells);
    }
    if (xml) this.sheet!.push(this.encoder.encode(xml));
  }

  private endSheet(): void {
    if (this.sheet) this.sheet.push(this.encoder.encode('</sheetData></worksheet>'), true);
    this.sheet = null;
  }

  finish(): void {
    if (!this.sheet && this.sheets === 0) this.startSheet();
    this.endSheet();
    const ids = Array.from({ length: this.sheets }, (_, i) => i + 1);
    this.text(
      '[Content_Types].xml',
      `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        ids.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    );
    this.text(
      '_rels/.rels',
      `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    );
    this.text(
      'xl/workbook.xml',
      `${XML_HEADER}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
        ids.map((i) => `<sheet name="Sheet${i}" sheetId="${i}" r:id="rId${i}"/>`).join('') +
        '</sheets></workbook>',
    );
    this.text(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        ids.map((i) => `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('') +
        '</Relationships>',
    );
    this.zip.end();
  }
}
