-- wrk script: POST a GoHighLevel workflow-webhook lead with a contact_id unique per request (per run, per
-- thread, per request), so every request creates a lead: the insert path the raw pgbench limit measures.
-- The request text around the id is built once per thread: wrk shares the two cores with the hub and
-- PostgreSQL, so its own work per request is kept as small as pgbench's on the raw side.
local threads = {}
local counter = 0
local unexpected = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_index", #threads)
end

function init(args)
  prefix = (os.getenv("BENCH_RUN_ID") or tostring(os.time())) .. "-" .. thread_index .. "-"
  body_start = '{"contact_id":"'
  body_middle = '","first_name":"Jordan","last_name":"Example","email":"jordan+'
  body_end = '@example.com","phone":"+60123456789","tags":"website lead,solar",'
    .. '"address1":"1 Example Jalan","city":"Kuala Lumpur","state":"WP","postal_code":"50000","country":"MY",'
    .. '"customData":{"UTM Source":"google","UTM Medium":"cpc","UTM Campaign":"solar-q2"},'
    .. '"location":{"id":"Lc1BcDeFgHiJkLmNoPqR","name":"Example Solar"}}'
  head = "POST /hooks/ghl HTTP/1.1\r\n"
    .. "Host: " .. (wrk.headers["Host"] or wrk.host) .. "\r\n"
    .. "Content-Type: application/json\r\n"
    .. "X-API-Key: " .. os.getenv("BENCH_API_KEY") .. "\r\n"
    .. "Content-Length: "
end

request = function()
  counter = counter + 1
  local id = prefix .. counter
  local body = body_start .. id .. body_middle .. id .. body_end
  return head .. #body .. "\r\n\r\n" .. body
end

response = function(status, headers, body)
  if status ~= 201 then
    unexpected = unexpected + 1
    if unexpected <= 3 then
      print("unexpected status " .. status .. ": " .. body)
    end
  end
end
