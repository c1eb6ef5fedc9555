/**
 * An .xlsx package (an OPC zip) opened for editing: parts as text or bytes, relationships,
 * content types, the workbook's sheets and their parts, and grafting a tree of parts from
 * another package. JSZip reads the zip; fflate writes it (deflating each part once, and a
 * worksheet's cells as a stream of text chunks, never one giant string). Runs in Node and in a
 * browser.
 */
import { Zip, ZipDeflate } from "fflate";
import type { ZipInputFile } from "fflate";
import { platformCompressor } from "./deflate";
import { concatBytes } from "../bytes";
import JSZip from "jszip";
import {
  addOverride,
  attr,
  attributes,
  contentTypeOf,
  ensureDefault,
  findTags,
  nextRelId,
  parseRels,
  relativeTarget,
  relsPath,
  resolveTarget,
  serializeRels,
} from "./xml";
import type { Relationship } from "./xml";

export const CONTENT_TYPES = "[Content_Types].xml";
export const WORKBOOK = "xl/workbook.xml";

/** Where a streamed worksheet's rows go in its part (`setSheetData`). */
export const SHEET_DATA_SLOT = "<sheetData/>";

/** fflate's deflate level, where the platform has no compressor: 6, zlib's default. */
const DEFLATE_LEVEL = 6;

/**
 * Raw deflate of a whole part, and its CRC-32: a faster one than fflate's (JavaScript) where the
 * platform has it (the command line passes Node's zlib, `node-file.ts`; elsewhere the Compression
 * Streams API's, `deflate.ts`).
 */
export interface PartCompressor {
  deflateRaw(data: Uint8Array): Uint8Array | Promise<Uint8Array>;
  crc32(data: Uint8Array): number;
}

/** Options for writing a package. */
export interface GenerateOptions {
  /** Parts written last, after `beforeLate` has run. */
  late?: readonly string[];
  beforeLate?: () => void;
  /** The deflate to use: by default the platform's (`platformCompressor`); null for fflate's. */
  compressor?: PartCompressor | null;
}

export interface SheetEntry {
  name: string;
  /** 0-based position in the workbook's <sheets>. */
  index: number;
  relId: string;
  path: string;
  state?: string;
}

export class XlsxPackage {
  private readonly texts = new Map<string, string>();
  /** Worksheet parts whose <sheetData> is streamed in when the package is generated. */
  private readonly sheetData = new Map<string, () => Iterable<string>>();

  private constructor(readonly zip: JSZip) {}

  static async open(bytes: ArrayBuffer | Uint8Array): Promise<XlsxPackage> {
    return new XlsxPackage(await JSZip.loadAsync(bytes));
  }

  has(path: string): boolean {
    return this.texts.has(path) || this.zip.file(path) !== null;
  }

  /** Every part's path (no folder entries). */
  paths(): string[] {
    const out: string[] = [];
    this.zip.forEach((path, file) => {
      if (!file.dir) out.push(path);
    });
    return out;
  }

  async text(path: string): Promise<string | null> {
    const cached = this.texts.get(path);
    if (cached !== undefined) return cached;
    const file = this.zip.file(path);
    if (!file) return null;
    let text = await file.async("string");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.texts.set(path, text);
    return text;
  }

  async bytes(path: string): Promise<Uint8Array | null> {
    const cached = this.texts.get(path);
    if (cached !== undefined) return new TextEncoder().encode(cached);
    const file = this.zip.file(path);
    return file ? file.async("uint8array") : null;
  }

  setText(path: string, text: string): void {
    this.texts.set(path, text);
    this.zip.file(path, text);
  }

  setBytes(path: string, bytes: Uint8Array): void {
    this.texts.delete(path);
    this.zip.file(path, bytes);
  }

  remove(path: string): void {
    this.texts.delete(path);
    this.sheetData.delete(path);
    this.zip.remove(path);
  }

  async rels(part: string): Promise<Relationship[]> {
    return parseRels(await this.text(relsPath(part)));
  }

  setRels(part: string, rels: readonly Relationship[]): void {
    if (rels.length === 0) this.remove(relsPath(part));
    else this.setText(relsPath(part), serializeRels(rels));
  }

  /** Add a relationship from `part` to `target` (a package path); returns its id. */
  async addRel(part: string, type: string, target: string): Promise<string> {
    const rels = await this.rels(part);
    const id = nextRelId(rels);
    rels.push({ Id: id, Type: type, Target: part === "" ? target : relativeTarget(part, target) });
    this.setRels(part, rels);
    return id;
  }

  async contentTypes(): Promise<string> {
    const xml = await this.text(CONTENT_TYPES);
    if (xml === null)
      throw new Error("The file has no [Content_Types].xml: it is not an .xlsx package.");
    return xml;
  }

  async setOverride(part: string, type: string): Promise<void> {
    this.setText(CONTENT_TYPES, addOverride(await this.contentTypes(), part, type));
  }

  /** A path like `xl/charts/chart{n}.xml` with the lowest n not used yet. */
  freePath(pattern: string): string {
    for (let n = 1; ; n++) {
      const path = pattern.replace("{n}", String(n));
      if (!this.has(path)) return path;
    }
  }

  /** The workbook's sheets in order, with their part paths. */
  async sheets(): Promise<SheetEntry[]> {
    const workbook = await this.text(WORKBOOK);
    if (workbook === null) throw new Error("The file has no workbook part (xl/workbook.xml).");
    const rels = await this.rels(WORKBOOK);
    return findTags(workbook, "sheet").map(({ tag }, index) => {
      const a = attributes(tag);
      const relId = attr(a, "id") ?? "";
      const rel = rels.find((r) => r.Id === relId);
      return {
        name: a.name,
        index,
        relId,
        path: rel ? resolveTarget(WORKBOOK, rel.Target) : "",
        state: a.state,
      };
    });
  }

  /**
   * Copy the part `source` of `from` and every part it reaches through internal relationships
   * into this package, renaming a part whose path is taken here (and fixing the relationships
   * that point at it), with content types. Returns the new path of `source`.
   */
  async graft(
    from: XlsxPackage,
    source: string,
    copied = new Map<string, string>()
  ): Promise<string> {
    const done = copied.get(source);
    if (done) return done;
    let path = source;
    if (this.has(path)) {
      const slash = path.lastIndexOf("/");
      const dot = path.lastIndexOf(".");
      const stem = path.slice(slash + 1, dot > slash ? dot : undefined).replace(/\d+$/, "");
      const ext = dot > slash ? path.slice(dot) : "";
      path = this.freePath(`${path.slice(0, slash + 1)}${stem}{n}${ext}`);
    }
    copied.set(source, path);
    const bytes = await from.bytes(source);
    if (!bytes) return path;
    this.setBytes(path, bytes);
    const type = contentTypeOf(await from.contentTypes(), source);
    if (type) {
      const ext = source.slice(source.lastIndexOf(".") + 1);
      const here = contentTypeOf(await this.contentTypes(), path);
      if (here !== type) {
        const xml = await this.contentTypes();
        // A Default of the same extension and type is enough; otherwise an Override.
        const withDefault = ensureDefault(xml, ext, type);
        if (contentTypeOf(withDefault, path) === type) this.setText(CONTENT_TYPES, withDefault);
        else this.setText(CONTENT_TYPES, addOverride(xml, path, type));
      }
    }
    const rels = await from.rels(source);
    if (rels.length > 0) {
      const out: Relationship[] = [];
      for (const rel of rels) {
        if (rel.TargetMode === "External") {
          out.push(rel);
          continue;
        }
        const target = await this.graft(from, resolveTarget(source, rel.Target), copied);
        out.push({ ...rel, Target: relativeTarget(path, target) });
      }
      this.setRels(path, out);
    }
    return path;
  }

  /**
   * Stream a worksheet's rows into its part when the package is generated: the part's text (a
   * skeleton others may still edit) holds `<sheetData/>`, which `rows()`'s chunks replace (they
   * must make one <sheetData> element).
   */
  setSheetData(path: string, rows: () => Iterable<string>): void {
    this.sheetData.set(path, rows);
  }

  /**
   * The package as .xlsx bytes. Parts are deflated once each, streamed sheets in chunks. `late`
   * parts are written last, after `beforeLate` has run (the streamed sheets have then named
   * every style and shared string they use, and those parts can be completed).
   */
  async generate(options: GenerateOptions = {}): Promise<Uint8Array> {
    const out: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, data) => {
      if (error) failure = error;
      else out.push(data);
    });
    const encoder = new TextEncoder();
    const compressor = options.compressor === undefined ? platformCompressor() : options.compressor;
    // One part at a time: the zip takes a part's data before the next part is added.
    const add = async (path: string, data: Uint8Array) => {
      if (compressor) {
        const file: ZipInputFile = {
          filename: path,
          size: data.length,
          crc: compressor.crc32(data),
          compression: 8,
        };
        const deflated = await compressor.deflateRaw(data);
        zip.add(file);
        file.ondata!(null, deflated as Uint8Array<ArrayBuffer>, true);
        return;
      }
      const file = new ZipDeflate(path, { level: DEFLATE_LEVEL });
      zip.add(file);
      file.push(data, true);
    };
    const late = new Set(options.late ?? []);
    for (const path of this.paths()) {
      if (late.has(path) || this.sheetData.has(path)) continue;
      const bytes = await this.bytes(path);
      if (bytes) await add(path, bytes);
    }
    for (const [path, rows] of this.sheetData) {
      const xml = await this.text(path);
      const at = xml?.indexOf(SHEET_DATA_SLOT) ?? -1;
      if (xml === null || at < 0)
        throw new Error(`The sheet part ${path} has no place for its rows.`);
      const parts = [xml.slice(0, at), rows(), xml.slice(at + SHEET_DATA_SLOT.length)];
      if (compressor) {
        // The compressor takes a whole part: the text is encoded straight into one buffer.
        const sink = new ByteSink(encoder);
        sink.write(parts[0] as string);
        for (const chunk of parts[1] as Iterable<string>) sink.write(chunk);
        sink.write(parts[2] as string);
        await add(path, sink.bytes());
        continue;
      }
      const file = new ZipDeflate(path, { level: DEFLATE_LEVEL });
      zip.add(file);
      file.push(encoder.encode(parts[0] as string));
      for (const chunk of parts[1] as Iterable<string>) file.push(encoder.encode(chunk));
      file.push(encoder.encode(parts[2] as string), true);
    }
    options.beforeLate?.();
    for (const path of late) {
      const bytes = await this.bytes(path);
      if (bytes) await add(path, bytes);
    }
    zip.end();
    if (failure) throw failure;
    return concatBytes(out);
  }
}

/** UTF-8 text written into one growing buffer (no buffer per chunk, no copy to join them). */
class ByteSink {
  private buffer = new Uint8Array(1 << 20);
  private length = 0;
  constructor(
    private readonly encoder: { encodeInto(text: string, into: Uint8Array): { written: number } }
  ) {}

  write(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    const need = this.length + text.length * 3;
    if (need > this.buffer.length) {
      const grown = new Uint8Array(Math.max(need, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += this.encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
