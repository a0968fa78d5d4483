import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import QRCode from "qrcode";

export type QrPosterInput = { businessName: string; vendorCode: string; joinLink: string };

/** A5 at 300 dpi (148 × 210 mm): prints sharp on any shop printer. */
export const POSTER_WIDTH = 1748;
export const POSTER_HEIGHT = 2480;

/** Where the QR code sits (its quiet zone included), so a test can read it back. */
export const POSTER_QR_BOX = { x: 274, y: 700, size: 1200 } as const;

// The poster's words. The languages work (#18) may move them to catalogs; they are short on
// purpose, since a poster is read from a metre away.
const POSTER_WORDS = {
  scanToJoin: "Scan to join",
  earnPoints: "Earn points every time you shop",
  vendorCodeLabel: "Vendor code",
  orSend: (code: string) => `or send JOIN ${code} on WhatsApp`,
};

const BRAND_GREEN = "#128C7E";
const INK = "#1F2933";
const MARGIN = 100;
const NAME_BAND_HEIGHT = 460;
const NAME_MAX_LINES = 2;
const NAME_SIZES = [150, 130, 112, 96, 84, 72] as const;
const SANS = "DejaVu Sans";
const MONO = "DejaVu Sans Mono";

/**
 * Draws the printable QR poster of a vendor: the business name, the QR code of its wa.me join
 * link, "Scan to join" and the vendor code in large type, as a PNG of A5 at 300 dpi.
 *
 * Rendered by resvg (Rust, compiled to WebAssembly, so no native binary and no system library)
 * from an SVG, with the DejaVu fonts shipped in an npm package: it draws the same text on a bare
 * CI machine with no fonts installed as on a laptop.
 */
export async function renderQrPoster(input: QrPosterInput): Promise<Buffer> {
  const engine = await loadEngine();
  const svg = buildPosterSvg(input, (text, fontSize, family) => measureTextWidth(engine, text, fontSize, family));
  const resvg = new Resvg(svg, {
    font: { fontBuffers: engine.fontBuffers, defaultFontFamily: SANS, sansSerifFamily: SANS, monospaceFamily: MONO },
    fitTo: { mode: "original" },
    background: "#ffffff",
  });
  try {
    const rendered = resvg.render();
    try {
      return Buffer.from(rendered.asPng());
    } finally {
      rendered.free();
    }
  } finally {
    resvg.free();
  }
}

type MeasureText = (text: string, fontSize: number, family?: string) => number;

function buildPosterSvg(input: QrPosterInput, measure: MeasureText): string {
  const centre = POSTER_WIDTH / 2;
  const nameLines = fitBusinessName(input.businessName.trim(), measure);
  const nameBlockHeight = nameLines.lines.length * nameLines.fontSize * 1.15;
  const firstBaseline = (NAME_BAND_HEIGHT - nameBlockHeight) / 2 + nameLines.fontSize * 0.95;
  const nameText = nameLines.lines
    .map(
      (line, index) =>
        `<text x="${centre}" y="${Math.round(firstBaseline + index * nameLines.fontSize * 1.15)}" font-family="${SANS}" font-weight="bold" font-size="${nameLines.fontSize}" fill="#ffffff" text-anchor="middle">${escapeXml(line)}</text>`,
    )
    .join("");
  const code = input.vendorCode.toUpperCase();
  const codeSize = fitSize(code, [230, 200, 170, 140, 120], POSTER_WIDTH - 2 * MARGIN, measure, MONO);
  const footer = POSTER_WORDS.orSend(code);
  const footerSize = fitSize(footer, [60, 52, 44, 38], POSTER_WIDTH - 2 * MARGIN, measure);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" viewBox="0 0 ${POSTER_WIDTH} ${POSTER_HEIGHT}">`,
    `<rect width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" fill="#ffffff"/>`,
    `<rect width="${POSTER_WIDTH}" height="${NAME_BAND_HEIGHT}" fill="${BRAND_GREEN}"/>`,
    nameText,
    `<text x="${centre}" y="580" font-family="${SANS}" font-weight="bold" font-size="120" fill="${INK}" text-anchor="middle">${escapeXml(POSTER_WORDS.scanToJoin)}</text>`,
    `<text x="${centre}" y="672" font-family="${SANS}" font-size="58" fill="${INK}" text-anchor="middle">${escapeXml(POSTER_WORDS.earnPoints)}</text>`,
    qrCodeSvg(input.joinLink),
    `<text x="${centre}" y="2010" font-family="${SANS}" font-size="64" fill="${INK}" text-anchor="middle">${escapeXml(POSTER_WORDS.vendorCodeLabel)}</text>`,
    `<text x="${centre}" y="${2010 + 40 + codeSize}" font-family="${MONO}" font-weight="bold" font-size="${codeSize}" fill="${BRAND_GREEN}" text-anchor="middle">${escapeXml(code)}</text>`,
    `<text x="${centre}" y="2400" font-family="${SANS}" font-size="${footerSize}" fill="${INK}" text-anchor="middle">${escapeXml(footer)}</text>`,
    `</svg>`,
  ].join("");
}

/**
 * The QR code as one path of whole-pixel squares (crisp edges print and scan best), inside a
 * white box that keeps the 4-module quiet zone scanners need.
 */
function qrCodeSvg(link: string): string {
  const qr = QRCode.create(link, { errorCorrectionLevel: "M" });
  const modules = qr.modules.size;
  const quietZone = 4;
  const moduleSize = Math.floor(POSTER_QR_BOX.size / (modules + 2 * quietZone));
  const drawn = moduleSize * modules;
  const offsetX = POSTER_QR_BOX.x + Math.floor((POSTER_QR_BOX.size - drawn) / 2);
  const offsetY = POSTER_QR_BOX.y + Math.floor((POSTER_QR_BOX.size - drawn) / 2);
  const runs: string[] = [];
  for (let row = 0; row < modules; row += 1) {
    let col = 0;
    while (col < modules) {
      if (!qr.modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < modules && qr.modules.get(row, col)) col += 1;
      runs.push(
        `M${offsetX + start * moduleSize} ${offsetY + row * moduleSize}h${(col - start) * moduleSize}v${moduleSize}h${-(col - start) * moduleSize}z`,
      );
    }
  }
  return [
    `<rect x="${POSTER_QR_BOX.x}" y="${POSTER_QR_BOX.y}" width="${POSTER_QR_BOX.size}" height="${POSTER_QR_BOX.size}" fill="#ffffff"/>`,
    `<path d="${runs.join("")}" fill="#000000" shape-rendering="crispEdges"/>`,
  ].join("");
}

/** The business name in the largest size that fits the band in at most two lines (then cut). */
function fitBusinessName(name: string, measure: MeasureText): { fontSize: number; lines: string[] } {
  const width = POSTER_WIDTH - 2 * MARGIN;
  const smallest = NAME_SIZES[NAME_SIZES.length - 1] ?? 72;
  for (const fontSize of NAME_SIZES) {
    const lines = wrapWords(name, (text) => measure(text, fontSize) <= width);
    if (lines !== null && lines.length <= NAME_MAX_LINES) return { fontSize, lines };
  }
  const fits = (text: string) => measure(text, smallest) <= width;
  const wrapped = wrapWords(name, fits) ?? [name];
  const lines = wrapped.slice(0, NAME_MAX_LINES);
  const last = lines.length - 1;
  const cut = wrapped.length > NAME_MAX_LINES || !fits(lines[last] ?? "");
  if (cut) lines[last] = withEllipsis(lines[last] ?? "", fits);
  return { fontSize: smallest, lines };
}

/** Greedy word wrap; null when one word alone is too wide. */
function wrapWords(text: string, fits: (line: string) => boolean): string[] | null {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter((part) => part !== "")) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current === "" || !fits(word)) return null;
    lines.push(current);
    current = word;
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** The longest start of `text` that fits with "…" after it (the name goes on past the poster). */
function withEllipsis(text: string, fits: (line: string) => boolean): string {
  let cut = [...text];
  while (cut.length > 1 && !fits(`${cut.join("").trimEnd()}…`)) cut = cut.slice(0, -1);
  return `${cut.join("").trimEnd()}…`;
}

function fitSize(text: string, sizes: readonly number[], width: number, measure: MeasureText, family = SANS): number {
  for (const size of sizes) if (measure(text, size, family) <= width) return size;
  return sizes[sizes.length - 1] ?? 40;
}

/**
 * The drawn width of a line, measured by resvg itself with the same fonts (so wrapping is exact
 * for any script the font covers). Bold, the widest weight the poster uses.
 */
function measureTextWidth(engine: Engine, text: string, fontSize: number, family = SANS): number {
  const key = `${family}|${fontSize}|${text}`;
  const known = engine.widths.get(key);
  if (known !== undefined) return known;
  const width = measureOnce(family === MONO ? engine.monoBold : engine.sansBold, text, fontSize, family);
  // Names and codes repeat (the same poster is rendered again); keep the cache small.
  if (engine.widths.size > 2000) engine.widths.clear();
  engine.widths.set(key, width);
  return width;
}

/** Only the one font is loaded: parsing fonts is most of the cost of a measure. */
function measureOnce(font: Uint8Array, text: string, fontSize: number, family: string): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10000" height="1000"><text x="0" y="${fontSize * 2}" font-family="${family}" font-weight="bold" font-size="${fontSize}">${escapeXml(text)}</text></svg>`;
  const resvg = new Resvg(svg, { font: { fontBuffers: [font], defaultFontFamily: family } });
  try {
    const box = resvg.getBBox();
    const width = box?.width ?? 0;
    box?.free();
    return width;
  } finally {
    resvg.free();
  }
}

function escapeXml(text: string): string {
  return (
    text
      .replaceAll("&", "&amp;")
      .replaceAll("<", "&lt;")
      .replaceAll(">", "&gt;")
      .replaceAll('"', "&quot;")
      .replaceAll("'", "&apos;")
      // Control characters are not allowed in XML 1.0 text.
      .split("")
      .filter((char) => !isXmlForbiddenControl(char.charCodeAt(0)))
      .join("")
  );
}

type Engine = { fontBuffers: Uint8Array[]; sansBold: Uint8Array; monoBold: Uint8Array; widths: Map<string, number> };
let engine: Promise<Engine> | null = null;

/** resvg's WebAssembly module may be initialised once per process; the fonts are read once. */
function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const wasm = await readFile(fileURLToPath(import.meta.resolve("@resvg/resvg-wasm/index_bg.wasm")));
    await initWasm(wasm);
    const fonts = await Promise.all(
      ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono-Bold.ttf"].map((file) =>
        readFile(fileURLToPath(import.meta.resolve(`dejavu-fonts-ttf/ttf/${file}`))),
      ),
    );
    const [sans, sansBold, monoBold] = fonts.map((font) => new Uint8Array(font));
    if (sans === undefined || sansBold === undefined || monoBold === undefined)
      throw new Error("the poster fonts did not load");
    return { fontBuffers: [sans, sansBold, monoBold], sansBold, monoBold, widths: new Map() };
  })().catch((err: unknown) => {
    engine = null;
    throw err;
  });
  return engine;
}

/** C0 control characters other than tab, line feed and carriage return: not allowed in XML 1.0 text. */
function isXmlForbiddenControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
}
