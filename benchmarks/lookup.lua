-- wrk script for the profile-lookup benchmark (issue 5).
--   wrk -t2 -c64 -d20s --latency -s benchmarks/lookup.lua http://127.0.0.1:5090 -- NUMBERS_FILE PATH_PREFIX
-- NUMBERS_FILE: existing registration numbers, one a line; PATH_PREFIX: e.g. /api/v1/organizations/
-- Every request asks for a random existing organisation. At the end one machine-readable line is printed:
--   RESULT requests=.. seconds=.. rps=.. p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. non2xx=.. socket_errors=..

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local numbers = {}
local prefix = "/"

function init(args)
  local file = args[1] or error("usage: -- NUMBERS_FILE PATH_PREFIX")
  prefix = args[2] or "/"
  for line in io.lines(file) do
    if #line > 0 then numbers[#numbers + 1] = line end
  end
  if #numbers == 0 then error("no registration numbers in " .. file) end
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
end

function request()
  return wrk.format("GET", prefix .. numbers[math.random(#numbers)])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
