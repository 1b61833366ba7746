// Raw baseline of an export: read the same journal rows in the same order, write each as its bundle
// line (RFC 8785 canonical JSON: keys sorted, the payload inserted as the canonical text it is stored
// as), gzip at level 1. No manifest, no signature, no second pass: the floor of the work.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { openRaw, sharedOrigins } from './sqlite.ts';

type Row = [origin: string, origin_seq: number, hlc: string, actor: string, type: string, entity: string, payload: string, prev_hash: string, hash: string];

const str = JSON.stringify;

/** The bundle line of a stored event; the keys in RFC 8785 order (UTF-16 code units), spelled out. */
export function rawEventLine([origin, originSeq, hlc, actor, type, entity, payload, prevHash, hash]: Row): string {
  return `{"actor":${str(actor)},"entity":${str(entity)},"hash":${str(hash)},"hlc":${str(hlc)},"origin":${str(origin)},"origin_seq":${originSeq},"payload":${payload},"prev_hash":${str(prevHash)},"type":${str(type)}}\n`;
}

export async function rawExport(sourcePath: string, outPath: string): Promise<{ events: number }> {
  const sqlite = openRaw(sourcePath);
  let events = 0;
  try {
    const rows = sqlite.prepare('SELECT origin, origin_seq, hlc, actor, type, entity, payload, prev_hash, hash FROM journal WHERE origin = ? ORDER BY origin_seq').raw();
    const origins = sharedOrigins(sqlite);
    async function* lines(): AsyncGenerator<string> {
      let batch = '';
      for (const origin of origins) {
        for (const row of rows.iterate(origin) as IterableIterator<Row>) {
          batch += rawEventLine(row);
          events += 1;
          if (batch.length > 256 * 1024) {
            yield batch;
            batch = '';
          }
        }
      }
      if (batch) yield batch;
    }
    await pipeline(Readable.from(lines()), createGzip({ level: 1 }), createWriteStream(outPath));
  } finally {
    sqlite.close();
  }
  return { events };
}
