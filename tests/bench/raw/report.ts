// Raw baseline of a printed report: read the same register rows in the same order (the devices with
// their custodian, place, department and category, by tag) and write each as one line of text. No
// layout, no fonts, no pages: the floor under the work of printing them, which the product cannot beat
// and is not expected to come near; the figure to watch is the product's memory.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { openRaw } from './sqlite.ts';

export async function rawRegisterLines(sourcePath: string, outPath: string): Promise<{ rows: number }> {
  const sqlite = openRaw(sourcePath);
  const out = createWriteStream(outPath);
  let rows = 0;
  try {
    const select = sqlite
      .prepare(
        `SELECT a.tag, a.category, a.make, a.model, a.serial, a.status, a.classification, p.full_name, d.name, l.name, a.purchase_date, a.cost_tzs, a.notes
         FROM assets a LEFT JOIN people p ON p.id = a.custodian_id LEFT JOIN departments d ON d.id = a.department_id
         LEFT JOIN locations l ON l.id = a.location_id ORDER BY a.tag COLLATE NOCASE, a.id`,
      )
      .raw();
    let batch = '';
    for (const row of select.iterate() as IterableIterator<unknown[]>) {
      batch += `${row.map((value) => (value === null ? '' : String(value))).join('\t')}\n`;
      rows += 1;
      if (batch.length > 256 * 1024) {
        if (!out.write(batch)) await once(out, 'drain');
        batch = '';
      }
    }
    out.end(batch);
    await finished(out);
  } finally {
    sqlite.close();
  }
  return { rows };
}
