/**
 * Deflating a package's parts with the platform's own (native) compressor where it has one: the
 * Compression Streams API's "deflate-raw" (browsers, web workers, Node 18+), about twice as fast
 * as fflate's deflate in JavaScript at the same level. The zip needs each part's CRC-32, computed
 * here. No Node or DOM types: the API is looked up on globalThis.
 */
import { concatBytes } from "../bytes";
import type { PartCompressor } from "./package";

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** The CRC-32 of the bytes, as a zip stores it. */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

interface StreamPair {
  writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readable: {
    getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> };
  };
}
type CompressionStreamClass = new (format: string) => StreamPair;

/** The platform's "deflate-raw" compressor, or null where there is none (fflate then deflates). */
export function platformCompressor(): PartCompressor | null {
  const Stream = (globalThis as { CompressionStream?: CompressionStreamClass }).CompressionStream;
  if (!Stream) return null;
  try {
    new Stream("deflate-raw");
  } catch {
    return null; // an older browser: "deflate" and "gzip" only
  }
  return {
    crc32,
    async deflateRaw(data: Uint8Array): Promise<Uint8Array> {
      const stream = new Stream("deflate-raw");
      const writer = stream.writable.getWriter();
      // Written while it is read: waiting for the write first would stall on a large part.
      const written = writer.write(data).then(() => writer.close());
      const reader = stream.readable.getReader();
      const chunks: Uint8Array[] = [];
      for (let r = await reader.read(); !r.done; r = await reader.read())
        if (r.value) chunks.push(r.value);
      await written;
      return concatBytes(chunks);
    },
  };
}
