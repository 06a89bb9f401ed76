-- Intake: every request a new dossier with its own Idempotency-Key (a random UUID, as clients send them).
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
local intake = dofile(os.getenv("LOAD_DIR") .. "/intake-request.lua")
local token = os.getenv("TOKEN")
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
function init() intake.seed(id) end
function request()
  return wrk.format("POST", "/api/dossiers", {
    ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Idempotency-Key"] = intake.key()},
    intake.body)
end
