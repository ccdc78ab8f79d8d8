//! A client-side rate limiter shared by all clones of a [`Client`](super::Client).
//!
//! Intercom reports its window on every response (`X-RateLimit-Limit`, `X-RateLimit-Remaining`,
//! `X-RateLimit-Reset`). The limiter spreads the budget left in the current window evenly over
//! the time left in it, so that many workers sharing a client never burst past the limit:
//! each request takes the next free slot. A slot belongs to its window: a request still waiting
//! when that window has ended ([`Slot::outlived`]) takes a new one, since sent late it would
//! count in the next window on top of that window's budget. Until the first response has told
//! the limits, one request goes alone; a server that sends no such headers is not paced at all.
//!
//! With the `redis` feature and `ClientBuilder::shared_rate_limit`, the slots
//! come from a window kept in Redis and shared by every process (see `shared`); this limiter
//! still sees every response and paces alone whenever Redis cannot.

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use tokio::sync::Notify;

use super::ratelimit::{number, MAX_WINDOW};
#[cfg(feature = "redis")]
use super::shared::{Acquired, Shared, SharedGrant};

/// What the limiter knows, as [`Client::rate_limit_status`](super::Client::rate_limit_status)
/// reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimitStatus {
    /// Whether the client paces its requests (see
    /// [`ClientBuilder::rate_limiter`](super::ClientBuilder::rate_limiter)).
    pub enabled: bool,
    /// Requests allowed per window, as the server last said.
    pub limit: Option<u64>,
    /// Requests the limiter will still start in the current window, when the server has
    /// reported its limits.
    pub budget: Option<u64>,
    /// When the current window ends, as the limiter reckons it.
    pub window_reset: Option<SystemTime>,
    /// Requests that had to wait for a slot.
    pub waits: u64,
    /// The time those requests spent waiting, in all.
    pub total_wait: Duration,
    /// Whether the shared limiter (in Redis, see `ClientBuilder::shared_rate_limit` with the
    /// `redis` feature) is configured and its last operation succeeded; `false` while
    /// requests are paced by this client alone.
    pub shared: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// No response yet; at most one request (the probe) in flight.
    Unknown { probing: bool },
    /// The server sends no rate-limit headers: nothing to pace by.
    Unlimited,
    /// Pacing by the server's figures.
    Known,
}

#[derive(Debug)]
struct State {
    phase: Phase,
    limit: Option<u64>,
    /// The server's reset (Unix seconds) of the window the limiter is in.
    window_reset: u64,
    window_end: Instant,
    window_len: Duration,
    budget: u64,
    next_slot: Instant,
    grants: u64,
    waits: u64,
    total_wait: Duration,
}

/// The shared limiter.
#[derive(Debug)]
pub(crate) struct Limiter {
    state: Mutex<State>,
    probe_done: Notify,
    #[cfg(feature = "redis")]
    shared: Option<Shared>,
}

/// A granted slot: report the response through [`Ticket::observe`]; dropping it unobserved
/// (a failed connection) lets the next request probe.
pub(crate) struct Ticket<'a> {
    limiter: &'a Limiter,
    grant: u64,
    probe: bool,
    /// When the window the slot belongs to ends (none while the limits are unknown).
    ends: Option<Instant>,
}

impl Limiter {
    pub(crate) fn new() -> Self {
        let now = Instant::now();
        Limiter {
            state: Mutex::new(State {
                phase: Phase::Unknown { probing: false },
                limit: None,
                window_reset: 0,
                window_end: now,
                window_len: Duration::from_secs(1),
                budget: 0,
                next_slot: now,
                grants: 0,
                waits: 0,
                total_wait: Duration::ZERO,
            }),
            probe_done: Notify::new(),
            #[cfg(feature = "redis")]
            shared: None,
        }
    }

    /// A limiter whose slots come from a window in Redis while Redis answers.
    #[cfg(feature = "redis")]
    pub(crate) fn with_shared(shared: Shared) -> Self {
        Limiter {
            shared: Some(shared),
            ..Limiter::new()
        }
    }

    /// Takes the next slot, from the shared window when there is one and Redis answers, else
    /// from this limiter; returns the slot and how long to wait before sending.
    pub(crate) async fn slot(&self) -> (Slot<'_>, Duration) {
        #[cfg(feature = "redis")]
        if let Some(shared) = &self.shared {
            loop {
                match shared.acquire().await {
                    Acquired::Slot(grant, wait, ends) => {
                        if !wait.is_zero() {
                            let mut s = self.lock();
                            s.waits += 1;
                            s.total_wait = s.total_wait.saturating_add(wait);
                        }
                        let slot = Slot {
                            limiter: self,
                            ends: Some(ends),
                            local: None,
                            grant: Some(grant),
                        };
                        return (slot, wait);
                    }
                    Acquired::Unavailable => break,
                    Acquired::Unknown => {}
                }
                // No shared window yet: one request of this process probes, and the others
                // wait for its answer to write the window rather than pace on their own.
                let notified = {
                    let s = self.lock();
                    match s.phase {
                        Phase::Unknown { probing: true } => self.probe_done.notified(),
                        _ => break,
                    }
                };
                notified.await;
            }
        }
        let (ticket, wait) = self.acquire().await;
        let slot = Slot {
            limiter: self,
            ends: ticket.ends,
            local: Some(ticket),
            #[cfg(feature = "redis")]
            grant: None,
        };
        (slot, wait)
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Takes the next slot; returns the ticket and how long to wait before sending.
    pub(crate) async fn acquire(&self) -> (Ticket<'_>, Duration) {
        loop {
            let notified = {
                let mut s = self.lock();
                match s.phase {
                    Phase::Unknown { probing: true } => self.probe_done.notified(),
                    Phase::Unknown { probing: false } => {
                        s.phase = Phase::Unknown { probing: true };
                        return (self.ticket(&mut s, true, None), Duration::ZERO);
                    }
                    Phase::Unlimited => return (self.ticket(&mut s, false, None), Duration::ZERO),
                    Phase::Known => {
                        let now = Instant::now();
                        let wait = s.reserve(now);
                        if !wait.is_zero() {
                            s.waits += 1;
                            s.total_wait = s.total_wait.saturating_add(wait);
                            tracing::debug!(
                                wait_ms = wait.as_millis() as u64,
                                budget = s.budget,
                                "rate limiter: waiting for a slot"
                            );
                        }
                        let ends = Some(s.window_end);
                        return (self.ticket(&mut s, false, ends), wait);
                    }
                }
            };
            notified.await;
        }
    }

    fn ticket(&self, s: &mut State, probe: bool, ends: Option<Instant>) -> Ticket<'_> {
        s.grants += 1;
        Ticket {
            limiter: self,
            grant: s.grants,
            probe,
            ends,
        }
    }

    /// The server's wait for a rate limit has been served: its window is over, whatever the
    /// limiter's own reckoning says.
    pub(crate) fn waited_out(&self) {
        let mut s = self.lock();
        if s.phase == Phase::Known && s.budget == 0 {
            let now = Instant::now();
            let len = s.window_len;
            let reset = s.window_reset.saturating_add(len.as_secs());
            s.start_window(now, len, reset);
            s.next_slot = now;
        }
    }

    /// The current figures.
    pub(crate) fn status(&self) -> RateLimitStatus {
        let s = self.lock();
        let known = s.phase == Phase::Known;
        RateLimitStatus {
            enabled: true,
            limit: s.limit,
            budget: known.then_some(s.budget),
            window_reset: known
                .then(|| UNIX_EPOCH.checked_add(Duration::from_secs(s.window_reset)))
                .flatten(),
            waits: s.waits,
            total_wait: s.total_wait,
            #[cfg(feature = "redis")]
            shared: self.shared.as_ref().is_some_and(Shared::up),
            #[cfg(not(feature = "redis"))]
            shared: false,
        }
    }
}

impl State {
    /// The budget at the start of a window: the limit less a small reserve for requests that
    /// reach the server a little later than they were sent.
    fn fresh_budget(&self) -> u64 {
        let limit = self.limit.unwrap_or(1);
        limit.saturating_sub(limit / 20).max(1)
    }

    fn start_window(&mut self, start: Instant, len: Duration, reset: u64) {
        self.window_end = start.checked_add(len).unwrap_or(start);
        self.window_reset = reset;
        self.budget = self.fresh_budget();
    }

    /// Moves to the window that `at` falls in, if the current one is over.
    fn roll(&mut self, at: Instant) {
        while at >= self.window_end {
            let len = self.window_len;
            let (end, reset) = (self.window_end, self.window_reset);
            self.start_window(end, len, reset.saturating_add(len.as_secs()));
            if self.window_end <= end {
                break;
            }
        }
    }

    /// Reserves the next slot from `now`: returns the wait until it.
    fn reserve(&mut self, now: Instant) -> Duration {
        let mut start = now.max(self.next_slot);
        self.roll(start);
        while self.budget == 0 {
            start = start.max(self.window_end);
            let before = self.window_end;
            self.roll(start);
            if self.window_end <= before {
                self.budget = self.fresh_budget();
            }
        }
        self.budget -= 1;
        let left = self.window_end.saturating_duration_since(start);
        let spacing = left.div_f64(self.budget.saturating_add(1) as f64);
        self.next_slot = start.checked_add(spacing).unwrap_or(start);
        start.saturating_duration_since(now)
    }

    /// Takes in a response's figures; `later` requests were granted after it.
    fn observe(&mut self, headers: &HeaderMap, status: StatusCode, later: u64) {
        let limit = number(headers, "x-ratelimit-limit");
        let remaining = number(headers, "x-ratelimit-remaining");
        let reset = number(headers, "x-ratelimit-reset");
        let Some(remaining) = remaining.or(limit) else {
            if matches!(self.phase, Phase::Unknown { .. }) {
                self.phase = Phase::Unlimited;
            }
            return;
        };
        let remaining = if status == StatusCode::TOO_MANY_REQUESTS {
            0
        } else {
            remaining
        };
        let now = Instant::now();
        let system_now = SystemTime::now();
        let now_secs = system_now
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let reset = reset.unwrap_or(now_secs.saturating_add(self.window_len.as_secs()));
        let until_reset = UNIX_EPOCH
            .checked_add(Duration::from_secs(reset))
            .and_then(|r| r.duration_since(system_now).ok())
            .unwrap_or(Duration::ZERO)
            .min(MAX_WINDOW);
        let whole_seconds = Duration::from_secs(until_reset.as_secs_f64().ceil() as u64);
        self.window_len = self.window_len.max(whole_seconds).min(MAX_WINDOW);
        if limit.is_some() {
            self.limit = limit;
        }
        let budget = remaining.saturating_sub(later);
        if self.phase != Phase::Known || reset > self.window_reset {
            if self.phase != Phase::Known {
                self.next_slot = now;
            }
            self.phase = Phase::Known;
            self.window_reset = reset;
            self.window_end = now.checked_add(until_reset).unwrap_or(now);
            self.budget = budget;
            tracing::debug!(
                limit = self.limit,
                remaining,
                budget,
                reset,
                "rate limiter: new window"
            );
        } else if reset == self.window_reset {
            self.budget = self.budget.min(budget);
        }
    }
}

impl Ticket<'_> {
    /// Reports the response's status and headers.
    pub(crate) fn observe(self, headers: &HeaderMap, status: StatusCode) {
        let mut s = self.limiter.lock();
        let later = s.grants.saturating_sub(self.grant);
        s.observe(headers, status, later);
    }
}

/// A slot granted by [`Limiter::slot`]: report the response through [`Slot::observe`].
pub(crate) struct Slot<'a> {
    limiter: &'a Limiter,
    /// When the window the slot was taken from ends.
    ends: Option<Instant>,
    /// The local ticket, when this limiter granted the slot.
    local: Option<Ticket<'a>>,
    /// The shared window's grant, when Redis granted the slot.
    #[cfg(feature = "redis")]
    grant: Option<SharedGrant>,
}

impl Slot<'_> {
    /// Whether the slot's window had ended by `now`: a request that waited for the slot
    /// until then (its process stalled) would count in the next window, beyond that window's
    /// budget, and should take a new slot instead.
    pub(crate) fn outlived(&self, now: Instant) -> bool {
        self.ends.is_some_and(|ends| now >= ends)
    }

    /// Reports the response's status and headers to this limiter and, when there is one, to
    /// the shared window.
    /// The shared window is written first: a probe's waiters, woken when its ticket is
    /// observed, then find the window in Redis.
    pub(crate) async fn observe(self, headers: &HeaderMap, status: StatusCode) {
        #[cfg(feature = "redis")]
        if let Some(shared) = &self.limiter.shared {
            shared.record(self.grant, headers, status).await;
        }
        match self.local {
            Some(ticket) => ticket.observe(headers, status),
            None => self.limiter.lock().observe(headers, status, 0),
        }
    }
}

impl Drop for Ticket<'_> {
    fn drop(&mut self) {
        if !self.probe {
            return;
        }
        let mut s = self.limiter.lock();
        if s.phase == (Phase::Unknown { probing: true }) {
            s.phase = Phase::Unknown { probing: false };
        }
        drop(s);
        self.limiter.probe_done.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(limit: u64, remaining: u64, reset: u64) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in [
            ("x-ratelimit-limit", limit),
            ("x-ratelimit-remaining", remaining),
            ("x-ratelimit-reset", reset),
        ] {
            map.insert(name, HeaderValue::from(value));
        }
        map
    }

    fn unix_now() -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }

    #[tokio::test]
    async fn paces_the_remaining_budget_over_the_window() {
        let limiter = Limiter::new();
        let (probe, wait) = limiter.acquire().await;
        assert!(wait.is_zero());
        probe.observe(&headers(10, 9, unix_now() + 10), StatusCode::OK);
        let mut last = Duration::ZERO;
        for _ in 0..9 {
            let (ticket, wait) = limiter.acquire().await;
            assert!(wait >= last, "slots move forward");
            last = wait;
            drop(ticket);
        }
        assert!(
            last > Duration::from_secs(5),
            "spread over the window: {last:?}"
        );
        let (_, beyond) = limiter.acquire().await;
        assert!(beyond >= Duration::from_secs(8), "next window: {beyond:?}");
        let status = limiter.status();
        assert_eq!(status.limit, Some(10));
        assert!(status.waits >= 8, "{status:?}");
    }

    #[tokio::test]
    async fn a_slot_is_outlived_once_its_window_ends() {
        let limiter = Limiter::new();
        let (probe, _) = limiter.slot().await;
        assert!(
            !probe.outlived(Instant::now() + MAX_WINDOW),
            "a probe has no window"
        );
        probe
            .observe(&headers(10, 9, unix_now() + 10), StatusCode::OK)
            .await;
        let (slot, wait) = limiter.slot().await;
        let sent = Instant::now() + wait;
        assert!(!slot.outlived(sent), "sent on time");
        let ends = limiter.lock().window_end;
        assert!(!slot.outlived(ends - Duration::from_millis(1)));
        assert!(slot.outlived(ends), "woken when its window was over");
    }

    #[tokio::test]
    async fn huge_or_missing_figures_do_not_panic() {
        let limiter = Limiter::new();
        let (probe, _) = limiter.acquire().await;
        probe.observe(&headers(u64::MAX, u64::MAX, u64::MAX), StatusCode::OK);
        for _ in 0..3 {
            let _ = limiter.acquire().await;
        }
        let (ticket, _) = limiter.acquire().await;
        ticket.observe(&headers(0, 0, 0), StatusCode::TOO_MANY_REQUESTS);
        let (_, wait) = limiter.acquire().await;
        assert!(wait <= MAX_WINDOW * 2, "{wait:?}");
    }

    #[tokio::test]
    async fn a_server_without_headers_is_not_paced() {
        let limiter = Limiter::new();
        let (probe, _) = limiter.acquire().await;
        probe.observe(&HeaderMap::new(), StatusCode::OK);
        for _ in 0..100 {
            let (_, wait) = limiter.acquire().await;
            assert!(wait.is_zero());
        }
        assert_eq!(limiter.status().budget, None);
    }
}
