-- A mix of pages and the search index for `wrk -s bench/wrk-mix.lua`.
local paths = {
  "/en/index.html", "/zh-CN/index.html", "/en/errorcode-net-socket.html",
  "/zh-CN/codes/2303210.html", "/en/codes/1006.html", "/en/search-index.js",
  "/zh-CN/search-index.js", "/assets/style.css", "/assets/search.js", "/en/codes.json",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
