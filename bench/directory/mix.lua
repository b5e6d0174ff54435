-- wrk script: rotates through the fixed query mix so both endpoints get the identical requests.
-- usage: wrk ... -s mix.lua http://127.0.0.1:PORT -- queries.txt /api/directory/search
local paths = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = args[2] .. "?" .. line end
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
