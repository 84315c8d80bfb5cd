// The OpenAPI document `kizuna serve` publishes at /api/openapi.json, checked by a validator
// (@apidevtools/swagger-parser, web/package.json): valid OpenAPI 3, every read endpoint described, and
// its parameters the ones the server takes (a parameter it names is accepted; one it does not is refused).
// usage: node openapi_check.mjs KIZUNA DATA_DIR WORK_DIR WEB_DIR
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [kizuna, data, work, web] = process.argv.slice(2);
const require = createRequire(path.resolve(web, "package.json"));
const SwaggerParser = require("@apidevtools/swagger-parser");

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const db = path.join(work, "k.db");
execFileSync(kizuna, ["--db", db, "init"]);
execFileSync(kizuna, ["--db", db, "import", "--quiet", data]);

const server = spawn(kizuna, ["--db", db, "serve", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((resolve, reject) => {
  let said = "";
  server.stdout.on("data", (chunk) => {
    said += chunk;
    const found = said.match(/http:\/\/[^\s]+\//);
    if (found) resolve(found[0].replace(/\/$/, ""));
  });
  server.on("exit", (code) => reject(new Error(`kizuna serve exited ${code}`)));
});

let failed = 0;
const check = (ok, what) => {
  if (!ok) failed += 1;
  console.log(`${ok ? "ok" : "FAILED"}: ${what}`);
};
try {
  const document = await (await fetch(`${base}/api/openapi.json`)).json();
  await SwaggerParser.validate(structuredClone(document));
  check(true, "the document is valid OpenAPI 3");
  for (const name of ["search", "list", "show", "partners", "path", "common", "ego", "timeline", "stats", "render", "query"]) {
    check(document.paths[`/api/${name}`]?.get !== undefined, `GET /api/${name} is described`);
  }
  for (const name of ["import", "entity", "relation", "type", "kind"]) {
    check(document.paths[`/api/${name}`]?.post !== undefined, `POST /api/${name} is described`);
  }
  for (const name of ["entity", "relation", "type", "kind"]) {
    check(document.paths[`/api/${name}`]?.put !== undefined, `PUT /api/${name} (an edit) is described`);
  }
  check(document.paths["/api/capabilities"]?.get !== undefined, "GET /api/capabilities is described");
  const capabilities = await (await fetch(`${base}/api/capabilities`)).json();
  check(capabilities.writes === false, "a read-only server says it takes no writes");
  const partners = document.paths["/api/partners"].get.parameters.map((p) => p.name).filter(Boolean);
  check(partners.includes("as_of") && partners.includes("type") && partners.includes("entity"),
        "partners takes entity, type and as_of");
  const answered = await fetch(`${base}/api/partners?entity=vn-moh&as_of=2020&type=mou`);
  check(answered.status === 200, "a request with the described parameters is answered");
  const refused = await fetch(`${base}/api/partners?entity=vn-moh&as-of-2020=1`);
  const body = await refused.json();
  check(refused.status === 400 && body.kind === "usage" && body.exit === 2, "an undescribed parameter is refused (usage, 400)");
} catch (error) {
  check(false, String(error));
} finally {
  server.kill("SIGTERM");
}
process.exit(failed === 0 ? 0 : 1);
