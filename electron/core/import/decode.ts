import iconv from 'iconv-lite';
import { AppError } from '../../../shared/errors';

export interface DecodedText {
  text: string;
  encoding: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The file's text. Explicit encodings go through iconv-lite; otherwise a UTF-8 BOM, a UTF-16 BOM,
 * then "valid UTF-8 or else GB18030": Chinese Excel saves CSV in GBK (a subset of GB18030), and
 * GBK bytes are almost never valid UTF-8.
 */
export function decodeInput(input: { csv?: string; file?: { base64: string; encoding?: string } }): DecodedText {
  if (input.csv !== undefined) return { text: stripBom(input.csv), encoding: 'utf-8' };
  const bytes = Buffer.from(input.file!.base64, 'base64');
  const asked = input.file!.encoding?.trim().toLowerCase();
  if (asked) {
    if (!iconv.encodingExists(asked)) {
      throw new AppError('VALIDATION', `Unknown encoding ${asked}.`, [{ path: 'file.encoding', message: 'Unknown encoding' }]);
    }
    return { text: stripBom(iconv.decode(bytes, asked)), encoding: asked };
  }
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
