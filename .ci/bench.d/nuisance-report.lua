-- wrk script: POST a nuisance report (a real UK spam text and the number it quotes) to the
-- partner API, a different incident time each request so reports are not identical.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer local-development-key"
local n = 0
request = function()
  n = n + 1
  local body = string.format([[{"incidents":[{"channel":"text","day":"1","month":"3","year":"2026","hour":"%d","minute":"%d","sender":"09061701461","contacted_on":"07912 345678","message_text":"WINNER!! As a valued network customer you have been selected to receive a 900 prize reward! To claim call 09061701461. Claim code KL341. Valid 12 hours only.","company":"Prize Rewards Ltd","categories":["lottery_prizes"],"scam":"no","relationship":"none"}]}]], n % 24, n % 60)
  return wrk.format(nil, "/api/v1/nuisance-reports", nil, body)
end
