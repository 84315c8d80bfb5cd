// The DuckDB peer: loads the generated CSV files into tables with read_csv (what a user of DuckDB would
// do first) and answers shortest connections with a recursive CTE: a breadth-first search over both
// directions of every relation, one row per reached entity (USING KEY), never revisiting one
// (recurring.bfs), at most 10 hops. Prints one JSON object. Run by bench/run.py.
// usage: node duckdb_peer.js DATA_DIR PAIRS_CSV WORK_DIR MAX_PAIRS
"use strict";
const fs = require("fs");
const path = require("path");
const { DuckDBInstance, version } = require("@duckdb/node-api");

function percentile(samples, q) {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
}

function fileSize(file) {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

function seconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const kShortest = `
  WITH RECURSIVE edge(a, b) AS (SELECT "from", "to" FROM rel UNION ALL SELECT "to", "from" FROM rel),
  bfs(node, depth) USING KEY (node) AS (
    SELECT $1::VARCHAR, 0
    UNION
    SELECT e.b, min(bfs.depth + 1)
    FROM bfs JOIN edge e ON e.a = bfs.node
    LEFT JOIN recurring.bfs seen ON seen.node = e.b
    WHERE seen.node IS NULL AND bfs.depth < 10
    GROUP BY e.b)
  SELECT min(depth) AS n FROM bfs WHERE node = $2::VARCHAR`;

async function main() {
  const [dataDir, pairsFile, workDir, maxPairsText] = process.argv.slice(2);
  const maxPairs = Number(maxPairsText || "1000");
  const dbPath = path.join(workDir, "duckdb.db");
  for (const file of [dbPath, dbPath + ".wal"]) fs.rmSync(file, { force: true });
  const instance = await DuckDBInstance.create(dbPath);
  const connection = await instance.connect();
  const quoted = (file) => `'${path.resolve(dataDir, file).replace(/'/g, "''")}'`;

  const importStart = process.hrtime.bigint();
  await connection.run(`CREATE TABLE org AS FROM read_csv(${quoted("entities.csv")}, header = true, all_varchar = true)`);
  await connection.run(`CREATE TABLE rel AS FROM read_csv(${quoted("relations.csv")}, header = true, all_varchar = true)`);
  await connection.run("CHECKPOINT");
  const importSeconds = seconds(importStart);
  const count = Number((await connection.runAndReadAll("SELECT count(*) FROM rel")).getRowsJS()[0][0]);

  const pairs = fs.readFileSync(pairsFile, "utf8").trim().split(/\r?\n/).slice(1).map((line) => line.split(","));
  const statement = await connection.prepare(kShortest);
  const times = [];
  const lengths = [];
  for (const [a, b] of pairs.slice(0, maxPairs)) {
    const start = process.hrtime.bigint();
    statement.bindVarchar(1, a);
    statement.bindVarchar(2, b);
    const value = (await statement.runAndReadAll()).getRowsJS()[0][0];
    times.push(seconds(start));
    lengths.push(value === null || value === undefined ? -1 : Number(value));
  }
  const out = {
    version: version(),
    relations: count,
    import: { seconds: importSeconds, relations_per_second: count / importSeconds,
              db_bytes: fileSize(dbPath) + fileSize(dbPath + ".wal") },
    path: { count: times.length, p50_ms: percentile(times, 0.5) * 1e3, p99_ms: percentile(times, 0.99) * 1e3 },
    path_lengths: lengths,
    peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(JSON.stringify(out) + "\n");
  connection.closeSync();
}

main().catch((error) => {
  process.stderr.write(`duckdb peer: ${error.stack || error}\n`);
  process.exit(1);
});
