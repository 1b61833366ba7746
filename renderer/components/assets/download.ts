// Files between the window and the core travel as base64. A printed form is saved the way a browser
// saves any download: a Blob, an object URL, a click on an <a download> (the CSP allows blob:).

export interface PrintedFile {
  filename: string;
  mime: string;
  base64: string;
}

export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function saveFile(file: PrintedFile): void {
  const url = URL.createObjectURL(new Blob([bytesOf(file.base64)], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the bytes over; the URL is freed once the browser has started the save.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export async function readAsBase64(file: Blob): Promise<string> {
  return base64Of(new Uint8Array(await file.arrayBuffer()));
}
