// Validates HSDS 3.0 API documents against the official schemas.
//
//   node validate.mjs <compiledSchemaDir> <docsDir>
//   node validate.mjs <compiledSchemaDir> --serve    one folder per line on stdin, each answered with its report
//                                                    and a line "<<exit N>>"; schemas compiled once serve every folder
//
// <compiledSchemaDir> is the HSDS schema/compiled folder; its parent (schema/) supplies the per-table
// schemas (taxonomy, taxonomy_term, …) and openapi.json (the Page envelope and the "/" response).
// Each file in <docsDir> is named <schema>__<anything>.json (or .ndjson):
//   service__x.json            the whole document against schema "service"
//   service_list__p1.json      a Page: the envelope against openapi's Page (every field required, plus
//                              "contents"), each item of contents against "service_list" (or, when no
//                              compiled list schema exists, e.g. taxonomy_list, against "taxonomy")
//   service_page__full-p1.json a Page whose items are checked against "service" itself (fully nested lists)
//   service_list__all.ndjson   each line against "service_list" (service__all.ndjson: against "service")
//   base__root.json            the "/" response of openapi.json
// Prints every error with its file and JSON pointer, then "validated N documents"; exits 1 on any failure.
import { readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";

import { createInterface } from "node:readline";

const [compiledDir, docsDir] = process.argv.slice(2);
if (!compiledDir || !docsDir) {
  console.error("usage: node validate.mjs <compiledSchemaDir> <docsDir|--serve>");
  process.exit(2);
}
const schemaDir = dirname(compiledDir.replace(/[\\/]+$/, ""));
const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

// HSDS schemas carry table metadata (name, constraints, example, core…) beside JSON Schema keywords.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

// Compiling the 8 MB of compiled schemas takes seconds each, so a validator is compiled on first use: a run
// pays only for the schemas its documents name.
const sources = new Map();
const validators = new Map();
const validatorFor = (name) => {
  if (!validators.has(name)) {
    const source = sources.get(name);
    validators.set(name, source === undefined ? undefined : source());
  }
  return validators.get(name);
};
const jsonFiles = (dir) => readdirSync(dir).filter((f) => f.endsWith(".json"));
for (const file of jsonFiles(schemaDir).filter((f) => f !== "openapi.json")) {
  const schema = readJson(join(schemaDir, file));
  schema.$id = `https://hsds.invalid/schema/${file}`;
  ajv.addSchema(schema);
}
for (const file of jsonFiles(schemaDir).filter((f) => f !== "openapi.json")) {
  sources.set(basename(file, ".json"), () => ajv.getSchema(`https://hsds.invalid/schema/${file}`));
}
// Compiled schemas are self-contained and take precedence over the per-table ones of the same name.
for (const file of jsonFiles(compiledDir)) {
  sources.set(basename(file, ".json"), () => {
    const schema = readJson(join(compiledDir, file));
    schema.$id = `https://hsds.invalid/compiled/${file}`;
    return ajv.compile(schema);
  });
}
const openapi = readJson(join(schemaDir, "openapi.json"));
const page = openapi.components.schemas.Page;
sources.set("page", () => ajv.compile({
  ...page,
  required: [...Object.keys(page.properties), "contents"],
  properties: { ...page.properties, contents: { type: "array" } },
}));
sources.set("base", () => ajv.compile({
  ...openapi.paths["/"].get.responses["200"].content["application/json"].schema,
  required: ["version", "profile", "openapi_url"],
}));

// One folder's report: every error with its file and JSON pointer, then the count; failures > 0 means exit 1.
const validateFolder = (folder) => {
  const out = [];
  let documents = 0;
  let failures = 0;
  const report = (file, pointer, message) => {
    failures++;
    out.push(`${file}${pointer}: ${message}`);
  };
  const check = (validator, value, file, prefix) => {
    documents++;
    if (validator(value)) return;
    for (const e of validator.errors) {
      const detail = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : "";
      report(file, `#${prefix}${e.instancePath}`, `${e.message}${detail}`);
    }
  };

  const files = readdirSync(folder).filter((f) => f.endsWith(".json") || f.endsWith(".ndjson")).sort();
  for (const file of files) {
    const name = file.split("__")[0];
    const paged = name.endsWith("_page");
    const listed = name.endsWith("_list") || paged;
    const validator = paged ? validatorFor(name.slice(0, -"_page".length))
      : validatorFor(name) ?? (listed ? validatorFor(name.slice(0, -"_list".length)) : undefined);
    if (!file.includes("__") || !validator) {
      report(file, "", `no schema named "${name}"`);
      continue;
    }
    const text = readFileSync(join(folder, file), "utf8");
    try {
      if (file.endsWith(".ndjson")) {
        const lines = text.split("\n").filter((l) => l.length > 0);
        lines.forEach((line, i) => check(validator, JSON.parse(line), file, `/line/${i + 1}`));
      } else if (listed) {
        const doc = JSON.parse(text);
        check(validatorFor("page"), doc, file, "");
        (Array.isArray(doc.contents) ? doc.contents : []).forEach((item, i) => check(validator, item, file, `/contents/${i}`));
      } else {
        check(validator, JSON.parse(text), file, "");
      }
    } catch (e) {
      report(file, "", `not JSON: ${e.message}`);
    }
  }
  out.push(`validated ${documents} documents in ${files.length} files: ${failures} errors`);
  return { out, exit: failures > 0 ? 1 : 0 };
};

if (docsDir === "--serve") {
  // The test process keeps one validator for its whole run: compiling a schema costs seconds of CPU, once.
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === "") continue;
    let result;
    try {
      result = validateFolder(line.trim());
    } catch (e) {
      result = { out: [`cannot read ${line.trim()}: ${e.message}`], exit: 2 };
    }
    process.stdout.write(result.out.join("\n") + `\n<<exit ${result.exit}>>\n`);
  }
} else {
  const { out, exit } = validateFolder(docsDir);
  console.log(out.join("\n"));
  process.exit(exit);
}
