-- Intake: every request a new dossier of its own applicant with its own Idempotency-Key (intake-request.lua).
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
local intake = dofile(os.getenv("LOAD_DIR") .. "/intake-request.lua")
local token = os.getenv("TOKEN")
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
function init() intake.seed(id) end
function request() return intake.request(token) end
