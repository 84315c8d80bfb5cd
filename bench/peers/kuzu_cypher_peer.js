// The Kùzu peer of the query language's shapes (bench/src/cypher_queries.cpp), in Kùzu's Cypher on the
// same CSV files: two-hop distinct counts per start entity, a typed and dated filter over every
// relation, and shortest connections per pair. Prints one JSON object with timings and answers.
// usage: node kuzu_cypher_peer.js DATA_DIR PAIRS_CSV WORK_DIR STARTS REPEATS
"use strict";
const fs = require("fs");
const path = require("path");
const kuzu = require("kuzu");

function percentile(samples, q) {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
}

function seconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function timings(times) {
  return { count: times.length, p50_ms: percentile(times, 0.5) * 1e3, p99_ms: percentile(times, 0.99) * 1e3 };
}

async function main() {
  const [dataDir, pairsFile, workDir, startsText, repeatsText] = process.argv.slice(2);
  const starts = Number(startsText);
  const repeats = Number(repeatsText);
  const dbPath = path.join(workDir, "kuzu-cypher.db");
  fs.rmSync(dbPath, { recursive: true, force: true });
  fs.rmSync(dbPath + ".wal", { force: true });
  const db = new kuzu.Database(dbPath);
  const conn = new kuzu.Connection(db);
  await conn.query("CREATE NODE TABLE Org(id STRING, kind STRING, country STRING, PRIMARY KEY(id))");
  await conn.query("CREATE REL TABLE Rel(FROM Org TO Org, id STRING, type STRING, start STRING, `end` STRING)");
  await conn.query(`COPY Org FROM (LOAD FROM '${path.resolve(dataDir, "entities.csv")}' (header=true) RETURN id, kind, country)`);
  await conn.query(
    `COPY Rel FROM (LOAD FROM '${path.resolve(dataDir, "relations.csv")}' (header=true) RETURN \`from\`, \`to\`, id, type, start, \`end\`)`);
  const pairs = fs.readFileSync(pairsFile, "utf8").trim().split(/\r?\n/).slice(1).map((line) => line.split(","))
    .slice(0, starts);
  const out = { version: kuzu.VERSION || "" };

  const twoHop = await conn.prepare(
    "MATCH (a:Org {id: $id})-[:Rel*1..2]-(b:Org) WHERE b.id <> a.id RETURN count(DISTINCT b) AS n");
  let times = [];
  let answers = [];
  for (const [a] of pairs) {
    const start = process.hrtime.bigint();
    const rows = await (await conn.execute(twoHop, { id: a })).getAll();
    times.push(seconds(start));
    answers.push(Number(rows[0].n));
  }
  out.two_hop = { ...timings(times), answers };

  times = [];
  let count = 0;
  for (let i = 0; i < repeats; ++i) {
    const start = process.hrtime.bigint();
    const rows = await (await conn.query(
      "MATCH ()-[r:Rel]->() WHERE r.type = 'partnership' AND r.start >= '2015' RETURN count(*) AS n")).getAll();
    times.push(seconds(start));
    count = Number(rows[0].n);
  }
  out.typed_dated = { ...timings(times), answers: [count] };

  const shortest = await conn.prepare(
    "MATCH p=(a:Org {id: $a})-[:Rel* SHORTEST 1..10]-(b:Org {id: $b}) RETURN length(p) AS n");
  times = [];
  answers = [];
  for (const [a, b] of pairs) {
    const start = process.hrtime.bigint();
    let length = 0;
    if (a !== b) {
      const rows = await (await conn.execute(shortest, { a, b })).getAll();
      length = rows.length > 0 ? Number(rows[0].n) : -1;
    }
    times.push(seconds(start));
    answers.push(length);
  }
  out.shortest = { ...timings(times), answers };
  out.peak_rss_bytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify(out) + "\n");
  await conn.close();
  await db.close();
}

main().catch((error) => {
  process.stderr.write(`kuzu cypher peer: ${error.stack || error}\n`);
  process.exit(1);
});
