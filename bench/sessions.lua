-- wrk -s bench/sessions.lua: many depositors on the wizard at once. Each request is one depositor's: their
-- session cookie and, for a POST, their form with its CSRF token. Depositors are taken in turn from
-- $BENCH_SESSIONS_FILE (one "cookie<TAB>form<TAB>other form" per line, urlencoded), each wrk thread on its own
-- share of them; $BENCH_METHOD is GET (load the page) or POST (answer the question: the two forms by turns, so
-- that every answer changes the study, as a depositor's does).
local sessions = {}
for line in io.lines(os.getenv("BENCH_SESSIONS_FILE")) do
  local cookie, body, other = line:match("^([^\t]+)\t([^\t]*)\t(.*)$")
  sessions[#sessions + 1] = {cookie = cookie, bodies = {body, other}}
end
local method = os.getenv("BENCH_METHOD") or "GET"

local threads = 0
function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

-- The command line's headers (-H, e.g. Accept-Encoding) plus this depositor's own.
local function headers_for(session, extra)
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["Cookie"] = session.cookie
  for name, value in pairs(extra) do
    headers[name] = value
  end
  return headers
end

local sent = 0
function request()
  sent = sent + 1
  local session = sessions[((sent * 2 + thread_number) % #sessions) + 1]
  if method == "POST" then
    local form = {["Content-Type"] = "application/x-www-form-urlencoded"}
    local turn = math.floor(sent * 2 / #sessions) % 2 + 1
    return wrk.format("POST", nil, headers_for(session, form), session.bodies[turn])
  end
  return wrk.format("GET", nil, headers_for(session, {}))
end
