// The Kùzu peer: loads the generated CSV files with COPY FROM and answers shortest connections with
// MATCH p=(a)-[* SHORTEST 1..10]-(b). Prints one JSON object. Run by bench/run.py.
// usage: node kuzu_peer.js DATA_DIR PAIRS_CSV WORK_DIR
"use strict";
const fs = require("fs");
const path = require("path");
const kuzu = require("kuzu");

function percentile(samples, q) {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
}

function directorySize(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, name) => sum + directorySize(path.join(target, name)), 0);
}

function seconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function main() {
  const [dataDir, pairsFile, workDir] = process.argv.slice(2);
  const dbPath = path.join(workDir, "kuzu.db");
  fs.rmSync(dbPath, { recursive: true, force: true });
  fs.rmSync(dbPath + ".wal", { force: true });
  const db = new kuzu.Database(dbPath);
  const conn = new kuzu.Connection(db);
  await conn.query("CREATE NODE TABLE Org(id STRING, kind STRING, country STRING, PRIMARY KEY(id))");
  await conn.query("CREATE REL TABLE Rel(FROM Org TO Org, id STRING, type STRING, start STRING, `end` STRING)");
  const entities = path.resolve(dataDir, "entities.csv");
  const relations = path.resolve(dataDir, "relations.csv");

  const importStart = process.hrtime.bigint();
  await conn.query(`COPY Org FROM (LOAD FROM '${entities}' (header=true) RETURN id, kind, country)`);
  await conn.query(
    `COPY Rel FROM (LOAD FROM '${relations}' (header=true) RETURN \`from\`, \`to\`, id, type, start, \`end\`)`);
  const importSeconds = seconds(importStart);
  const count = (await (await conn.query("MATCH ()-[r:Rel]->() RETURN count(r) AS n")).getAll())[0].n;

  const pairs = fs.readFileSync(pairsFile, "utf8").trim().split(/\r?\n/).slice(1).map((line) => line.split(","));
  const statement = await conn.prepare(
    "MATCH p=(a:Org {id: $a})-[:Rel* SHORTEST 1..10]-(b:Org {id: $b}) RETURN length(p) AS n");
  const times = [];
  const lengths = [];
  for (const [a, b] of pairs) {
    const start = process.hrtime.bigint();
    let length = -1;
    if (a === b) {
      length = 0;
    } else {
      const rows = await (await conn.execute(statement, { a, b })).getAll();
      if (rows.length > 0) length = Number(rows[0].n);
    }
    times.push(seconds(start));
    lengths.push(length);
  }
  const out = {
    version: kuzu.VERSION || "",
    relations: Number(count),
    import: { seconds: importSeconds, relations_per_second: Number(count) / importSeconds,
              db_bytes: directorySize(dbPath) + directorySize(dbPath + ".wal") },
    path: { count: times.length, p50_ms: percentile(times, 0.5) * 1e3, p99_ms: percentile(times, 0.99) * 1e3 },
    path_lengths: lengths,
    peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(JSON.stringify(out) + "\n");
  await conn.close();
  await db.close();
}

main().catch((error) => {
  process.stderr.write(`kuzu peer: ${error.stack || error}\n`);
  process.exit(1);
});
