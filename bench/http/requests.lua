-- wrk script: each request asks a random pair of the generated graph (pairs.csv: from,to), as
--   /api/path?from=A&to=B        (KIZUNA_ENDPOINT=path, the default)
--   /api/partners/A              (KIZUNA_ENDPOINT=partners)
local pairs = {}
local endpoint = os.getenv("KIZUNA_ENDPOINT") or "path"

function init(args)
  local file = assert(io.open(os.getenv("KIZUNA_PAIRS"), "r"))
  file:read("*l")  -- header
  for line in file:lines() do
    local a, b = line:match("([^,\r]+),([^,\r]+)")
    if a then pairs[#pairs + 1] = {a, b} end
  end
  file:close()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local pair = pairs[math.random(#pairs)]
  if endpoint == "partners" then
    return wrk.format("GET", "/api/partners/" .. pair[1])
  end
  return wrk.format("GET", "/api/path?from=" .. pair[1] .. "&to=" .. pair[2])
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status +
                 summary.errors.timeout
  io.write(string.format('{"endpoint":"%s","requests":%d,"seconds":%.2f,"per_second":%.0f,"p50_ms":%.2f,' ..
                         '"p99_ms":%.2f,"errors":%d}\n', endpoint, summary.requests, summary.duration / 1e6,
                         summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1e3,
                         latency:percentile(99) / 1e3, errors))
end
