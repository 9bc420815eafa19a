/**
 * A picked or dropped file as base64 of its bytes: the backend, not the browser, decides the
 * encoding (UTF-8, UTF-8 with BOM, GBK), which reading it as text here would already have guessed.
 */
export async function readFileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with a whole large file as arguments overflows the stack.
  const SLICE = 0x8000;
  for (let i = 0; i < bytes.length; i += SLICE) binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(binary);
}
