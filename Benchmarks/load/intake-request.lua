-- The intake the desk scenarios send, with a random applicant and Idempotency-Key each time, as from real desks and
-- clients: a personal ID (Hà Nội, born 1950–1999) and a random UUID (version 4) as the key, so that each lands anywhere
-- in the server's indexes of applicants and of keys (MotCua's own desk page sends a random token as its key). Loaded
-- with dofile() by intake.lua and mixed.lua.
local M = {}

local template = [[{"procedureCode":"1.004873","channel":1,"applicant":{"kind":"cong-dan","name":"Nguyễn Văn An",]] ..
  [["personalId":"0010%02d%06d","address":"Số 1 phố Đội Cấn, phường Ba Đình"},]] ..
  [["documents":[{"name":"Tờ khai","originals":1,"copies":0}],"request":"Xác nhận tình trạng hôn nhân"}]]

-- Each wrk thread has a generator of its own, seeded from the run, server and scenario ($RUN, $SCENARIO) and its
-- thread number, so that no two threads, wrk processes, scenarios or runs send the same keys.
function M.seed(thread)
  local run, hash = (os.getenv("RUN") or "") .. (os.getenv("SCENARIO") or ""), 0
  for index = 1, #run do hash = (hash * 31 + run:byte(index)) % 2147483647 end
  math.randomseed(hash * 16 + thread)
end

local keyFormat = "%08x-%04x-4%03x-%04x-%012x"

-- The whole intake request, made once per thread with wrk.format: its key's and its applicant's digits left as
-- string.format fields (in the order they come in the text: the key's header, then the body), so that each
-- request is one string.format, lighter for the wrk that shares the server's two cores. The body's length is
-- the same once filled in (its fields are fixed width), so its Content-Length holds.
local requestFormat

function M.request(token)
  requestFormat = requestFormat or wrk.format("POST", "/api/dossiers", {
    ["Authorization"] = "Bearer " .. token:gsub("%%", "%%%%"), ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = keyFormat}, template)
  return string.format(requestFormat, math.random(0, 0xffffffff), math.random(0, 0xffff), math.random(0, 0xfff),
    math.random(0x8000, 0xbfff), math.random(0, 0xffffffffffff), math.random(50, 99), math.random(0, 999999))
end

return M
