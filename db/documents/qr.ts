// QR codes drawn as vector shapes: the device labels, the gate permit's check code, and the printed
// witness of the records on every form's footer.
import QRCode from 'qrcode';

/** ISO/IEC 18004 asks for four blank modules around the symbol. */
export const QUIET_MODULES = 4;

export interface QrRun {
  row: number;
  col: number;
  length: number;
}

/** The dark modules of a text’s QR code (level M), as runs along each row: fewer shapes to draw. */
export function qrRuns(tag: string): { size: number; runs: QrRun[] } {
  const { modules } = QRCode.create(tag, { errorCorrectionLevel: 'M' });
  const runs: QrRun[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col += 1;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { size: modules.size, runs };
}
