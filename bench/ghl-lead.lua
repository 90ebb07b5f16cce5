-- wrk script: POST a GoHighLevel workflow-webhook lead with a contact_id unique per request (per run, per
-- thread, per request), so every request creates a lead: the insert path the raw pgbench limit measures.
local threads = {}
local counter = 0
local unexpected = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_index", #threads)
end

function init(args)
  prefix = (os.getenv("BENCH_RUN_ID") or tostring(os.time())) .. "-" .. thread_index .. "-"
end

request = function()
  counter = counter + 1
  local id = prefix .. counter
  local body = '{"contact_id":"' .. id .. '","first_name":"Jordan","last_name":"Example",'
    .. '"email":"jordan+' .. id .. '@example.com","phone":"+60123456789","tags":"website lead,solar",'
    .. '"address1":"1 Example Jalan","city":"Kuala Lumpur","state":"WP","postal_code":"50000","country":"MY",'
    .. '"customData":{"UTM Source":"google","UTM Medium":"cpc","UTM Campaign":"solar-q2"},'
    .. '"location":{"id":"Lc1BcDeFgHiJkLmNoPqR","name":"Example Solar"}}'
  return wrk.format("POST", "/hooks/ghl", {
    ["Content-Type"] = "application/json",
    ["X-API-Key"] = os.getenv("BENCH_API_KEY"),
  }, body)
end

response = function(status, headers, body)
  if status ~= 201 then
    unexpected = unexpected + 1
    if unexpected <= 3 then
      print("unexpected status " .. status .. ": " .. body)
    end
  end
end
