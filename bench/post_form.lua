-- wrk -s bench/post_form.lua: many depositors answering a wizard question at once. Each request is one
-- session's form POST (its session cookie, its CSRF token), sessions taken in turn from $BENCH_SESSIONS_FILE
-- (one "cookie<TAB>urlencoded body" per line), each wrk thread on its own share of them.
local sessions = {}
for line in io.lines(os.getenv("BENCH_SESSIONS_FILE")) do
  local cookie, body = line:match("^([^\t]+)\t(.*)$")
  sessions[#sessions + 1] = {cookie = cookie, body = body}
end

local threads = 0
function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

local sent = 0
function request()
  sent = sent + 1
  local session = sessions[((sent * 2 + thread_number) % #sessions) + 1]
  local headers = {["Cookie"] = session.cookie, ["Content-Type"] = "application/x-www-form-urlencoded"}
  return wrk.format("POST", nil, headers, session.body)
end
