-- Intake: every request a new dossier with its own Idempotency-Key (thread number and counter), as desks send them.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
local token = os.getenv("TOKEN")
local body = [[{"procedureCode":"1.004873","channel":1,"applicant":{"kind":"cong-dan","name":"Nguyễn Văn An",]] ..
  [["personalId":"001090012345","address":"Số 1 phố Đội Cấn, phường Ba Đình"},]] ..
  [["documents":[{"name":"Tờ khai","originals":1,"copies":0}],"request":"Xác nhận tình trạng hôn nhân"}]]
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
local counter = 0
function request()
  counter = counter + 1
  return wrk.format("POST", "/api/dossiers", {
    ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("tai-%s-%d-%d", os.getenv("RUN") or "0", id, counter)}, body)
end
