-- Lookups: GET /api/dossiers/{code} of the dossiers made for the run, round robin.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
local codes = dofile(os.getenv("LOAD_DIR") .. "/codes.lua").load()
local token = os.getenv("TOKEN")
local next = 0
function request()
  next = next % #codes + 1
  return wrk.format("GET", "/api/dossiers/" .. codes[next], {["Authorization"] = "Bearer " .. token})
end
