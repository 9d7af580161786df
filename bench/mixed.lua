-- wrk -s bench/mixed.lua: depositors and API clients at once. Each request is the next of the mix in
-- $BENCH_MIX_FILE ("METHOD<TAB>path<TAB>kind" lines): kind "session" is one depositor's (their cookie and, for a
-- POST, their form with its CSRF token, from $BENCH_SESSIONS_FILE), "json" posts $BENCH_BODY_FILE, "plain" is
-- a bare request. Responses are counted by status class, so that the report can tell 5xx from the rest.
local sessions = {}
for line in io.lines(os.getenv("BENCH_SESSIONS_FILE")) do
  local cookie, body = line:match("^([^\t]+)\t([^\t]*)")
  sessions[#sessions + 1] = {cookie = cookie, body = body}
end
local mix = {}
for line in io.lines(os.getenv("BENCH_MIX_FILE")) do
  local method, path, kind = line:match("^(%S+)\t(%S+)\t(%S+)$")
  mix[#mix + 1] = {method = method, path = path, kind = kind}
end
local file = assert(io.open(os.getenv("BENCH_BODY_FILE"), "rb"))
local answers = file:read("*a")
file:close()

local threads = {}
function setup(thread)
  thread:set("thread_number", #threads)
  threads[#threads + 1] = thread
end

status_1xx, status_2xx, status_3xx, status_4xx, status_5xx = 0, 0, 0, 0, 0

local function headers_with(extra)
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  for name, value in pairs(extra) do
    headers[name] = value
  end
  return headers
end

local sent = 0
function request()
  sent = sent + 1
  local item = mix[(sent % #mix) + 1]
  if item.kind == "session" then
    local session = sessions[((sent * #threads + thread_number) % #sessions) + 1]
    if item.method == "POST" then
      local form = {Cookie = session.cookie, ["Content-Type"] = "application/x-www-form-urlencoded"}
      return wrk.format("POST", item.path, headers_with(form), session.body)
    end
    return wrk.format(item.method, item.path, headers_with({Cookie = session.cookie}))
  elseif item.kind == "json" then
    return wrk.format(item.method, item.path, headers_with({["Content-Type"] = "application/json"}), answers)
  end
  return wrk.format(item.method, item.path, headers_with({}))
end

function response(status, headers, body)
  if status >= 500 then
    status_5xx = status_5xx + 1
  elseif status >= 400 then
    status_4xx = status_4xx + 1
  elseif status >= 300 then
    status_3xx = status_3xx + 1
  elseif status >= 200 then
    status_2xx = status_2xx + 1
  else
    status_1xx = status_1xx + 1
  end
end

function done(summary, latency, requests)
  local totals = {0, 0, 0, 0, 0}
  for _, thread in ipairs(threads) do
    for class = 1, 5 do
      totals[class] = totals[class] + thread:get("status_" .. class .. "xx")
    end
  end
  io.write(string.format("Status classes: 1xx %d, 2xx %d, 3xx %d, 4xx %d, 5xx %d\n", (table.unpack or unpack)(totals)))
end
