-- Mixed, as a morning at the desks: of every 5 requests, 1 intake, 1 step transition (each dossier accepted once)
-- and 3 lookups.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
local codes = dofile(os.getenv("LOAD_DIR") .. "/codes.lua").load()
local token = os.getenv("TOKEN")
local threads = tonumber(os.getenv("THREADS") or "1")
local intake = dofile(os.getenv("LOAD_DIR") .. "/intake-request.lua")
local count = 0
function setup(thread) thread:set("id", count); count = count + 1 end
function init() intake.seed(id) end
local n, accepted = 0, nil
function request()
  n = n + 1
  local auth = "Bearer " .. token
  if n % 5 == 0 then
    return intake.request(token)
  elseif n % 5 == 1 then
    accepted = (accepted or id) + threads
    return wrk.format("POST", "/api/dossiers/" .. codes[(accepted - threads) % #codes + 1] .. "/transitions",
      {["Authorization"] = auth, ["Content-Type"] = "application/json"}, '{"action":"tiep-nhan"}')
  end
  return wrk.format("GET", "/api/dossiers/" .. codes[n % #codes + 1], {["Authorization"] = auth})
end
