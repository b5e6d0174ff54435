// Decodes QR matrices with jsQR, a reader written independently of the encoder Kith uses.
//
//   node decode.mjs < codes.jsonl      (one { "size": 21, "dark": [0,1,...] } per line)
//
// "dark" is row-major, size × size, 1 for a dark module. Each matrix is drawn as a camera would see a
// printed code (4 pixels a module, a 4-module light quiet zone) because jsQR reads images, not matrices.
// Prints one JSON line per input line, in order: { "text", "version" }, or { "error" } when jsQR finds no code.
// One process reads every code of a test run: starting node once per code cost more than the decoding.
import { readFileSync } from "node:fs";
import jsQR from "jsqr";

function decode({ size, dark }) {
  if (!Number.isInteger(size) || !Array.isArray(dark) || dark.length !== size * size)
    return { error: "expected { size, dark[size*size] }" };
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
  if (!code) return { error: "no QR code found" };
  // binaryData is the raw byte-mode payload: decode it as UTF-8 ourselves rather than trust jsQR's guess.
  return { text: Buffer.from(code.binaryData).toString("utf8"), version: code.version };
}

for (const line of readFileSync(0, "utf8").split("\n")) {
  if (line.trim() === "") continue;
  process.stdout.write(JSON.stringify(decode(JSON.parse(line))) + "\n");
}
