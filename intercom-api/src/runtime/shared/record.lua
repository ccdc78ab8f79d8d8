-- Takes in the rate-limit figures of a response, atomically, so that every process converges
-- on the server's view of the window.
--
-- KEYS[1]  the app's hash (see acquire.lua)
-- ARGV[1]  now (Unix ms, the caller's clock)
-- ARGV[2]  the server's limit per window (X-RateLimit-Limit), or -1 when it did not say
-- ARGV[3]  requests left in the window (X-RateLimit-Remaining; 0 after a 429)
-- ARGV[4]  when the window resets (X-RateLimit-Reset, in Unix ms)
-- ARGV[5]  the grant acquire.lua gave the request, or 0 when it had none
-- ARGV[6]  the longest window believed in (ms)
-- ARGV[7]  how long the hash lives after its last use (ms)
--
-- A hash that is not ours (another type, or fields that are not numbers) is replaced.
-- Returns the budget left in the window.

local key = KEYS[1]
local now = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local remaining = tonumber(ARGV[3])
local reset = tonumber(ARGV[4])
local grant = tonumber(ARGV[5])
local max_window = tonumber(ARGV[6])
local ttl = tonumber(ARGV[7])

local function num(value)
    local n = tonumber(value)
    if n == nil or n ~= n or n == math.huge or n == -math.huge then
        return nil
    end
    return n
end

local raw = redis.pcall('HMGET', key, 'limit', 'budget', 'end', 'len', 'next', 'grants')
local known = false
local old_limit, budget, wend, len, nxt, grants
if type(raw) == 'table' and not raw.err then
    old_limit, budget, wend = num(raw[1]), num(raw[2]), num(raw[3])
    len, nxt, grants = num(raw[4]), num(raw[5]), num(raw[6])
    known = (old_limit and budget and wend and len and nxt and grants) and old_limit >= 1
        and len >= 1 and budget >= 0 and grants >= 0
end
if not known then
    redis.call('DEL', key)
    old_limit, budget, wend, len, nxt, grants = nil, 0, 0, 1000, now, 0
end

if limit < 0 then
    limit = old_limit or math.max(remaining, 1)
end
limit = math.max(limit, 1)

-- The window's length: the longest time to a reset seen, in whole seconds.
local until_reset = math.min(math.max(reset - now, 0), max_window)
len = math.min(math.max(len, math.ceil(until_reset / 1000) * 1000), max_window)

-- Slots granted after this request's were counted in `remaining` by no one yet.
local later = 0
if grant > 0 then
    later = math.max(grants - grant, 0)
end
local left = math.max(remaining - later, 0)

if not known or reset > wend then
    if not known then
        nxt = now
    end
    wend = reset
    budget = left
elseif reset == wend then
    budget = math.min(budget, left)
end

redis.call('HSET', key, 'limit', limit, 'budget', budget, 'end', wend, 'len', len,
    'next', nxt, 'grants', grants)
redis.call('PEXPIRE', key, ttl)
return budget
