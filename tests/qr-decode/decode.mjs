// Decodes a QR matrix with jsQR, a reader written independently of Kith's encoder.
//
//   echo '{ "size": 21, "dark": [0,1,...] }' | node decode.mjs
//
// "dark" is row-major, size × size, 1 for a dark module. The matrix is drawn as a camera would see a
// printed code (4 pixels a module, a 4-module light quiet zone) because jsQR reads images, not matrices.
// Prints the decoded bytes as UTF-8 text to stdout (nothing else); exits 1 when jsQR finds no code.
import { readFileSync } from "node:fs";
import jsQR from "jsqr";

const { size, dark } = JSON.parse(readFileSync(0, "utf8"));
if (!Number.isInteger(size) || !Array.isArray(dark) || dark.length !== size * size) {
  console.error("expected { size, dark[size*size] }");
  process.exit(2);
}
const scale = 4, quiet = 4;
const width = (size + 2 * quiet) * scale;
const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    if (!dark[y * size + x]) continue;
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const offset = (((y + quiet) * scale + dy) * width + (x + quiet) * scale + dx) * 4;
        pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
      }
    }
  }
}
const code = jsQR(pixels, width, width, { inversionAttempts: "dontInvert" });
if (!code) {
  console.error("no QR code found");
  process.exit(1);
}
// binaryData is the raw byte-mode payload: decode it as UTF-8 ourselves rather than trust jsQR's guess.
process.stderr.write(`version ${code.version}\n`);
process.stdout.write(Buffer.from(code.binaryData).toString("utf8"));
