-- Step transitions: each dossier made for the run is accepted (tiep-nhan), once; every thread walks its own
-- share of the codes, so no two requests race on one dossier (the race test does that on purpose).
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
local codes = dofile(os.getenv("LOAD_DIR") .. "/codes.lua").load()
local token = os.getenv("TOKEN")
local threads = tonumber(os.getenv("THREADS") or "1")
local count = 0
function setup(thread) thread:set("id", count); count = count + 1 end
local position = nil
function request()
  position = (position or id) + threads
  local code = codes[(position - threads) % #codes + 1]
  return wrk.format("POST", "/api/dossiers/" .. code .. "/transitions",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, '{"action":"tiep-nhan"}')
end
