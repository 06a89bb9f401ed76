-- The machine's ceiling in MotCua's own stack: the stylesheet, answered from memory by the same router and
-- middleware, no database.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
function request() return wrk.format("GET", "/tai-nguyen/site.css") end
