-- wrk script for bench/search_http.sh: the employer's CV search page under load.
--
--   wrk -t2 -c8 -d15s -H "Cookie: jobspor_session=…" -s bench/search.lua http://127.0.0.1:3100 -- /arbejdsgiver/soeg?q=kok …
--
-- Every argument that starts with "/" is a page path; each connection's requests rotate
-- through them, so no single search is repeated back to back. Every answer that is not a
-- 2xx results page is counted as bad (wrk itself counts only 4xx/5xx): a 3xx means the URL
-- was not the search's canonical one; a page without the result heading, or with a
-- `location` header, means the session cookie did not log the employer in.
-- done() prints one line the shell script reads:
--   RESULT requests=… rps=… p50_ms=… p95_ms=… p99_ms=… max_ms=… bad=… errors=… timeouts=… first_bad=…

local paths = {}
local n = 0
bad_answers = 0
first_bad = "-"

local threads = {}
local thread_no = 0

function setup(thread)
   thread:set("id", thread_no)
   thread_no = thread_no + 1
   table.insert(threads, thread)
end

function init(args)
   -- args[0] is the URL, the rest what followed it; keep the paths in their order.
   for i = 0, 200 do
      local a = args[i]
      if a ~= nil and string.sub(a, 1, 1) == "/" then
         table.insert(paths, a)
      end
   end
   if #paths == 0 then
      print("search.lua: no paths given (pass them after --)")
      os.exit(2)
   end
   -- Threads start at different variants.
   n = (id or 0) * 3
end

function request()
   n = n + 1
   return wrk.format("GET", paths[(n % #paths) + 1])
end

function response(status, headers, body)
   -- A page that is not the search's results is as bad as a non-2xx: the app answers a
   -- search without a valid employer session with 200, a `location` header and no results.
   local location = headers["location"] or headers["Location"]
   local results = body ~= nil and string.find(body, 'id="results-heading"', 1, true) ~= nil
   if status < 200 or status > 299 or location ~= nil or not results then
      bad_answers = bad_answers + 1
      if first_bad == "-" then
         first_bad = tostring(status) .. ":" .. (location or "") .. (results and "" or ":no-results")
      end
   end
end

function done(summary, latency, requests)
   local bad, first = 0, "-"
   for _, t in ipairs(threads) do
      bad = bad + (t:get("bad_answers") or 0)
      local f = t:get("first_bad")
      if first == "-" and f ~= nil and f ~= "-" then
         first = f
      end
   end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   local ms = function(p) return latency:percentile(p) / 1000.0 end
   io.write(string.format(
      "RESULT requests=%d rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f bad=%d errors=%d timeouts=%d first_bad=%s\n",
      summary.requests, summary.requests / seconds, ms(50), ms(95), ms(99), latency.max / 1000.0,
      bad, e.connect + e.read + e.write, e.timeout, first))
end
