// Validate many Office Open XML files in one process with Microsoft's Open XML SDK validator
// (@ooxml-tools/validate runs it as WebAssembly, no .NET needed). Starting the runtime costs
// seconds, so tests/support/ooxml.py sends every file of a test run here at once.
//
//   node validate.mjs [--office-versions Microsoft365,Office2007] FILE...
//
// Prints one JSON object: {"VERSION": {"FILE": [{"id", "description", "partUri", "xpath"}, ...]}};
// an empty list means the file is valid for that version. A file that cannot be read or opened
// gets one entry with the id "unreadable".
import { readFile } from "node:fs/promises";
import validate, { getFileFormatFromName } from "@ooxml-tools/validate";

const args = process.argv.slice(2);
let versions = ["Microsoft365"];
const at = args.indexOf("--office-versions");
if (at >= 0) {
  versions = args[at + 1].split(",");
  args.splice(at, 2);
}
const out = Object.fromEntries(versions.map((version) => [version, {}]));
for (const file of args) {
  let data;
  try {
    data = new Uint8Array(await readFile(file));
  } catch (error) {
    data = error;
  }
  for (const version of versions) {
    try {
      if (data instanceof Error) throw data;
      const results = await validate(data, getFileFormatFromName(file), version);
      out[version][file] = results.map((r) => ({
        id: r.id,
        description: r.description,
        partUri: r.path?.partUri ?? "",
        xpath: r.path?.xpath ?? "",
      }));
    } catch (error) {
      out[version][file] = [{ id: "unreadable", description: String(error?.message ?? error), partUri: "", xpath: "" }];
    }
  }
}
process.stdout.write(JSON.stringify(out) + "\n");
