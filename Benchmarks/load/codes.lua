-- The codes of dossiers made for the run (one per line in $CODES), each thread taking its own share in turn.
local M = {}
function M.load()
  local codes = {}
  for line in io.lines(os.getenv("CODES")) do codes[#codes + 1] = line end
  return codes
end
return M
