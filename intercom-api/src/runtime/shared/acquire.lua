-- Takes the next request slot of an app's shared window, atomically.
--
-- KEYS[1]  the app's hash: limit, budget (requests still to start in the window), end (when
--          the window ends, Unix ms), len (window length, ms), next (the next free slot, Unix
--          ms), grants (slots granted so far).
-- ARGV[1]  now (Unix ms, the caller's clock)
-- ARGV[2]  how long the hash lives after its last use (ms)
--
-- Returns {wait_ms, grant, end_ms}: wait that long, then send; report the response with
-- `grant`. The slot's window ends `end_ms` after now: a request still unsent by then takes a
-- new slot.
-- Returns {-1, 0, 0} when the window is unknown (no hash yet, or one that is not ours: it is
-- deleted, and the next recorded response writes a fresh one).

local key = KEYS[1]
local now = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])

local function num(value)
    local n = tonumber(value)
    if n == nil or n ~= n or n == math.huge or n == -math.huge then
        return nil
    end
    return n
end

local raw = redis.pcall('HMGET', key, 'limit', 'budget', 'end', 'len', 'next', 'grants')
if type(raw) ~= 'table' or raw.err then
    redis.call('DEL', key)
    return {-1, 0, 0}
end
local limit, budget, wend = num(raw[1]), num(raw[2]), num(raw[3])
local len, nxt, grants = num(raw[4]), num(raw[5]), num(raw[6])
if not (limit and budget and wend and len and nxt and grants) or limit < 1 or len < 1
    or budget < 0 or grants < 0 then
    redis.call('DEL', key)
    return {-1, 0, 0}
end

-- The budget at the start of a window: the limit less a small reserve for requests that
-- reach the server a little later than they were sent.
local fresh = math.max(1, limit - math.floor(limit / 20))

-- Moves to the window that `at` falls in, if the current one is over.
local function roll(at)
    if at >= wend then
        wend = wend + (math.floor((at - wend) / len) + 1) * len
        budget = fresh
    end
end

local start = math.max(now, nxt)
roll(start)
if budget < 1 then
    start = math.max(start, wend)
    roll(start)
end
budget = math.floor(budget) - 1
nxt = math.floor(start + (wend - start) / (budget + 1))
grants = grants + 1
redis.call('HSET', key, 'budget', budget, 'end', wend, 'next', nxt, 'grants', grants)
redis.call('PEXPIRE', key, ttl)
return {math.floor(start - now), grants, math.floor(wend - now)}
