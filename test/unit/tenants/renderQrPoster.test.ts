import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import {
  POSTER_HEIGHT,
  POSTER_QR_BOX,
  POSTER_WIDTH,
  renderQrPoster,
} from "../../../src/domain/tenants/renderQrPoster.ts";

// jsqr is a UMD bundle whose CommonJS export is `{ default: jsQR }`: Node's import gives that
// object, vitest's interop may give the function itself.
const jsQR = typeof jsQRModule === "function" ? jsQRModule : jsQRModule.default;

const JOIN_LINK = "https://wa.me/2348000000000?text=JOIN%20MAMAPUT";

function decode(png: Buffer): PNG {
  return PNG.sync.read(png);
}

/** The QR code's box cut out of the poster (jsQR scans a 4-megapixel image slowly), RGBA. */
function qrBox(image: PNG): Uint8ClampedArray {
  const { x, y, size } = POSTER_QR_BOX;
  const out = new Uint8ClampedArray(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    const start = ((y + row) * image.width + x) * 4;
    out.set(image.data.subarray(start, start + size * 4), row * size * 4);
  }
  return out;
}

/** Reads the poster's QR code from its box: the link, and where its corners are on the poster. */
function readQr(image: PNG) {
  const found = jsQR(qrBox(image), POSTER_QR_BOX.size, POSTER_QR_BOX.size);
  if (found === null) return null;
  return {
    data: found.data,
    left: found.location.topLeftCorner.x + POSTER_QR_BOX.x,
    bottom: found.location.bottomRightCorner.y + POSTER_QR_BOX.y,
  };
}

/** Share of dark pixels in a rectangle (luminance under half). */
function darkShare(image: PNG, x: number, y: number, width: number, height: number): number {
  let dark = 0;
  for (let row = y; row < y + height; row += 1) {
    for (let col = x; col < x + width; col += 1) {
      const i = (row * image.width + col) * 4;
      const luminance =
        0.299 * (image.data[i] ?? 0) + 0.587 * (image.data[i + 1] ?? 0) + 0.114 * (image.data[i + 2] ?? 0);
      if (luminance < 128) dark += 1;
    }
  }
  return dark / (width * height);
}

/** Share of pixels that differ between two images of one size. */
function differingShare(a: PNG, b: PNG, x: number, y: number, width: number, height: number): number {
  let differing = 0;
  for (let row = y; row < y + height; row += 1) {
    for (let col = x; col < x + width; col += 1) {
      const i = (row * a.width + col) * 4;
      if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) differing += 1;
    }
  }
  return differing / (width * height);
}

// Rendering an A5 poster at 300 dpi takes a second or more on a loaded 2-core machine.
describe("renderQrPoster", { timeout: 120_000 }, () => {
  it("when a poster is rendered, then it is an A5 PNG at 300 dpi whose QR code reads back as the join link", async () => {
    const png = await renderQrPoster({
      businessName: "Mama Put's Kitchen",
      vendorCode: "MAMAPUT",
      joinLink: JOIN_LINK,
    });

    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const image = decode(png);
    expect({ width: image.width, height: image.height }).toEqual({ width: POSTER_WIDTH, height: POSTER_HEIGHT });
    expect(png.length).toBeLessThan(5 * 1024 * 1024);

    const qr = readQr(image);
    expect(qr?.data).toBe(JOIN_LINK);
    // The code sits inside its box, with a quiet zone, and the box holds a real pattern (not blank, not solid).
    expect(qr?.left).toBeGreaterThan(POSTER_QR_BOX.x);
    expect(qr?.bottom).toBeLessThan(POSTER_QR_BOX.y + POSTER_QR_BOX.size);
    const share = darkShare(image, POSTER_QR_BOX.x, POSTER_QR_BOX.y, POSTER_QR_BOX.size, POSTER_QR_BOX.size);
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.7);
  });

  it("when two posters differ only by business name and code, then the text areas are drawn (fonts load with no system fonts) and differ", async () => {
    const first = decode(await renderQrPoster({ businessName: "Ade Stores", vendorCode: "ADE1", joinLink: JOIN_LINK }));
    const second = decode(
      await renderQrPoster({ businessName: "Chinwe Beauty Palace", vendorCode: "CHINWE", joinLink: JOIN_LINK }),
    );

    // The name band (top) and the vendor code (under the QR code) change with the text.
    expect(differingShare(first, second, 0, 0, POSTER_WIDTH, 460)).toBeGreaterThan(0.02);
    expect(differingShare(first, second, 0, 2030, POSTER_WIDTH, 260)).toBeGreaterThan(0.02);
    // "Scan to join" is drawn: the line under the band holds dark glyphs.
    expect(darkShare(first, 100, 470, POSTER_WIDTH - 200, 130)).toBeGreaterThan(0.03);
  });

  it("when the business name is very long or holds markup characters, then it is wrapped or cut to fit and the poster still renders", async () => {
    const png = await renderQrPoster({
      businessName: `<Joe & "Sons"> ${"Supermarket ".repeat(12)}Wholesale`,
      vendorCode: "JOESONS",
      joinLink: "https://wa.me/2348000000000?text=JOIN%20JOESONS",
    });
    const image = decode(png);
    expect(image.width).toBe(POSTER_WIDTH);
    expect(readQr(image)?.data).toBe("https://wa.me/2348000000000?text=JOIN%20JOESONS");
    // The name (white on the green band) stays inside the side margins: fitted, not overflowed.
    expect(darkShare(image, 0, 0, 60, 460)).toBe(1);
    expect(darkShare(image, POSTER_WIDTH - 60, 0, 60, 460)).toBe(1);
    expect(darkShare(image, 100, 0, POSTER_WIDTH - 200, 460)).toBeLessThan(0.95);
  });
});
