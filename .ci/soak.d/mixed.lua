-- wrk script for the soak: a steady mix of what people do. In every 10 requests, 6 page loads
-- (the start page, a question, the nuisance and breach start pages, the organisation match
-- with a search, a verdict), 2 answers posted as forms (one accepted, one refused and shown),
-- 1 nuisance report through the partner API and 1 health check. Each connection keeps its own
-- journey cookie, so journeys are updated, not multiplied.
local counter = 0
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local report = [[{"incidents":[{"channel":"text","day":"1","month":"3","year":"2026","hour":"%d","minute":"%d","sender":"09061701461","contacted_on":"07912 345678","message_text":"WINNER!! As a valued network customer you have been selected to receive a 900 prize reward! To claim call 09061701461. Claim code KL341.","company":"Prize Rewards Ltd","categories":["lottery_prizes"],"scam":"no","relationship":"none"}]}]]

request = function()
  counter = counter + 1
  local journey = string.format("%032x", id or 1)
  local page = {
    ["Accept"] = "text/html",
    ["Cookie"] = "journey=" .. journey,
  }
  local form = {
    ["Accept"] = "text/html",
    ["Cookie"] = "journey=" .. journey,
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = "http://" .. wrk.host .. ":" .. wrk.port,
  }
  local step = counter % 10
  if step == 0 then return wrk.format("GET", "/", page)
  elseif step == 1 then return wrk.format("GET", "/concern/about", page)
  elseif step == 2 then return wrk.format("POST", "/api/concern/answer", form, "step=about&value=dp")
  elseif step == 3 then return wrk.format("GET", "/report-nuisance", page)
  elseif step == 4 then return wrk.format("POST", "/api/concern/answer", form, "step=organisation&value=")
  elseif step == 5 then return wrk.format("GET", "/concern/organisation", page)
  elseif step == 6 then return wrk.format("GET", "/report-breach", page)
  elseif step == 7 then
    return wrk.format("POST", "/api/v1/nuisance-reports", {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer local-development-key",
    }, string.format(report, counter % 24, counter % 60))
  elseif step == 8 then return wrk.format("GET", "/concern/result/not-yet", page)
  else return wrk.format("GET", "/health") end
end

done = function(summary, latency, requests)
  io.write(string.format("soak: %d requests in %.0f s (%.0f/s); errors: %d connect, %d read, %d write, %d timeout, %d status not 2xx or 3xx\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    summary.errors.status))
  io.write(string.format("soak: latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
