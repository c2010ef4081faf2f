//! The delivery worker: takes due deliveries from the outbox, sends each to its target, and
//! records the outcome; retries with exponential backoff and jitter (or the receiver's
//! `Retry-After`), escalates incidents nobody acknowledged, re-posts open Alertmanager alerts,
//! and asks the desk whether an agent acknowledged or resolved.

use super::outbox::{Delivery, Incident, IncidentState};
use super::targets::{Attempt, send_once};
use super::{HelpRequest, OutboxError, Pager, now_ms, signature};
use crate::config::TargetKind;
use std::time::Duration;

#[derive(Clone)]
pub struct Worker {
    pager: Pager,
    client: reqwest::Client,
    /// When each desk target last had a heartbeat queued (unix ms).
    beats: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, i64>>>,
}

impl Worker {
    pub fn new(pager: Pager) -> Self {
        crate::net::install_crypto();
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .pool_idle_timeout(crate::net::CLIENT_IDLE)
            .user_agent(concat!("concierge/", env!("CARGO_PKG_VERSION")))
            .build()
            .unwrap_or_default();
        Worker {
            pager,
            client,
            beats: Default::default(),
        }
    }

    /// Runs until the process ends.
    pub async fn run(self) {
        let wake = self.pager.wake_handle();
        loop {
            // Heartbeats come from the kiosk's own long-running worker only: a `concierge
            // page` run, which flushes the outbox once, knows nothing of the devices.
            if let Err(e) = self.heartbeats(now_ms()) {
                tracing::error!(error = %e, "heartbeat");
            }
            let sleep = match self.step().await {
                Ok(d) => d,
                Err(e) => {
                    tracing::error!(error = %e, "help worker");
                    Duration::from_secs(1)
                }
            };
            tokio::select! {
                _ = wake.notified() => {}
                _ = tokio::time::sleep(sleep) => {}
            }
        }
    }

    /// One round: deliveries due, escalations, desk polls. Returns how long to rest.
    pub async fn step(&self) -> Result<Duration, OutboxError> {
        let outbox = self.pager.outbox().clone();
        let now = now_ms();
        for delivery in outbox.take_due(now, 32)? {
            let me = self.clone();
            tokio::spawn(async move { me.deliver(delivery).await });
        }
        // One read of the open incidents serves both.
        let open = outbox.open_incidents()?;
        self.escalate(now, &open)?;
        self.poll(now, &open)?;
        let next = outbox
            .next_due()?
            .map(|due| (due - now_ms()).clamp(5, 1000))
            .unwrap_or(1000);
        Ok(Duration::from_millis(next as u64))
    }

    async fn deliver(&self, d: Delivery) {
        let config = self.pager.config().clone();
        let outbox = self.pager.outbox().clone();
        let Some(target) = config.targets.get(d.target) else {
            let _ = outbox.failed(d.id, "the target is no longer configured");
            return;
        };
        let result = match send_once(&self.client, target, &d.request).await {
            Attempt::Delivered => {
                tracing::info!(target = %target.name, incident = %d.incident, state = %d.request.state, "page delivered");
                let r = outbox.delivered(d.id, now_ms());
                let closing = matches!(d.request.state.as_str(), "cancelled" | "resolved");
                if target.kind == TargetKind::Alertmanager && !closing {
                    let _ = outbox.repeat(
                        &d.incident,
                        d.target,
                        now_ms() + config.repeat_every.as_millis() as i64,
                    );
                }
                r
            }
            Attempt::Retry { error, after } => {
                let wait = backoff(config.retry_min, config.retry_max, d.attempts, after);
                tracing::warn!(target = %target.name, incident = %d.incident, %error, retry_in_ms = wait.as_millis() as u64, "page not delivered yet");
                outbox.retry(d.id, now_ms() + wait.as_millis() as i64, &error)
            }
            Attempt::Refused { error } => {
                tracing::error!(target = %target.name, incident = %d.incident, %error, "operator fault: the target refuses pages");
                outbox.failed(d.id, &error)
            }
        };
        if let Err(e) = result {
            tracing::error!(error = %e, "recording a delivery");
        }
        self.pager.wake_handle().notify_one();
    }

    /// Queues a heartbeat for each desk target when its time has come, and sends those due.
    fn heartbeats(&self, now: i64) -> Result<(), OutboxError> {
        let config = self.pager.config().clone();
        let every = config.heartbeat_every;
        if every.is_zero() {
            return Ok(());
        }
        let outbox = self.pager.outbox();
        for target in config.targets.iter().filter(|t| t.kind == TargetKind::Desk) {
            let due = {
                let mut beats = self.beats.lock().unwrap_or_else(|p| p.into_inner());
                match beats.get(&target.name) {
                    Some(last) if now - last < every.as_millis() as i64 => false,
                    _ => {
                        beats.insert(target.name.clone(), now);
                        true
                    }
                }
            };
            if due {
                let (beat, up_to) = crate::fleet::heartbeat(
                    outbox,
                    self.pager.health(),
                    self.pager.kiosk(),
                    &target.name,
                    every.as_secs().max(1),
                    now,
                )?;
                let payload = serde_json::to_string(&beat)?;
                crate::fleet::queue(outbox, &target.name, &payload, up_to, now)?;
            }
        }
        for pending in crate::fleet::take_due(outbox, now)? {
            let Some(target) = config
                .targets
                .iter()
                .find(|t| t.kind == TargetKind::Desk && t.name == pending.target)
                .cloned()
            else {
                continue;
            };
            let me = self.clone();
            tokio::spawn(async move {
                let outbox = me.pager.outbox();
                let sent = super::targets::post_to_desk(
                    &me.client,
                    &target,
                    crate::fleet::PATH,
                    pending.payload.as_bytes(),
                )
                .await;
                let r = match sent {
                    Attempt::Delivered => crate::fleet::delivered(outbox, &pending),
                    Attempt::Retry { error, after } => {
                        let wait = backoff(
                            me.pager.config().retry_min,
                            me.pager.config().retry_max,
                            pending.attempts as u32,
                            after,
                        );
                        tracing::debug!(target = %target.name, %error, "heartbeat not delivered yet");
                        crate::fleet::failed(
                            outbox,
                            &pending,
                            &error,
                            now_ms() + wait.as_millis() as i64,
                        )
                    }
                    // A desk that takes no heartbeats (an older one), or does not know this
                    // kiosk: asked again in ten minutes, not every few seconds.
                    Attempt::Refused { error } => {
                        tracing::warn!(target = %target.name, %error, "the desk refuses heartbeats");
                        crate::fleet::failed(outbox, &pending, &error, now_ms() + 600_000)
                    }
                };
                if let Err(e) = r {
                    tracing::error!(error = %e, "recording a heartbeat");
                }
            });
        }
        Ok(())
    }

    /// Incidents nobody acknowledged in time go to the next level's targets, saying so.
    fn escalate(&self, now: i64, open: &[Incident]) -> Result<(), OutboxError> {
        let after = self.pager.config().escalate_after.as_millis() as i64;
        for i in open {
            // Notices to the assistance service are information, not a call for a person now.
            if i.state != IncidentState::Open
                || now - i.escalated_at < after
                || i.key.contains("-assist-")
            {
                continue;
            }
            let next = i.level + 1;
            let targets = self.pager.targets_at(next);
            if targets.is_empty() {
                continue;
            }
            let mut request: HelpRequest = i.request.clone();
            request.state = "escalated".into();
            request.escalation_level = next;
            request.id = format!("{}-{now}", i.key);
            request.escalated_to = targets
                .iter()
                .filter_map(|t| self.pager.config().targets.get(*t))
                .map(|t| t.name.clone())
                .collect();
            request.escalated_at =
                chrono::DateTime::from_timestamp_millis(now).map(|t| t.to_rfc3339());
            tracing::warn!(incident = %i.key, level = next, "not acknowledged: escalating");
            self.pager
                .outbox()
                .escalate(&request, next, &targets, now)?;
        }
        Ok(())
    }

    /// Asks the desk about open incidents it received.
    fn poll(&self, now: i64, open: &[Incident]) -> Result<(), OutboxError> {
        let config = self.pager.config().clone();
        let every = config.poll_every.as_millis() as i64;
        for i in open {
            if !i.delivered || now - i.polled_at < every {
                continue;
            }
            let desks: Vec<_> = config
                .targets
                .iter()
                .filter(|t| t.kind == TargetKind::Desk && t.level <= i.level)
                .cloned()
                .collect();
            if desks.is_empty() {
                continue;
            }
            self.pager.outbox().polled(&i.key, now)?;
            let me = self.clone();
            let key = i.key.clone();
            tokio::spawn(async move {
                for desk in desks {
                    me.poll_one(&desk, &key).await;
                }
            });
        }
        Ok(())
    }

    async fn poll_one(&self, desk: &crate::config::Target, key: &str) {
        let secret = desk
            .secret
            .as_ref()
            .map(|s| s.expose().as_bytes())
            .unwrap_or_default();
        // Each of the desk's instances in turn, until one answers.
        let mut answered = None;
        for base in super::targets::desk_urls(desk) {
            let url = format!(
                "{}/api/v1/incidents/{key}",
                base.expose().trim_end_matches('/')
            );
            let t = chrono::Utc::now().timestamp();
            let response = self
                .client
                .get(url)
                .header(
                    signature::HEADER,
                    signature::sign(secret, t, signature::status_request(key).as_bytes()),
                )
                .timeout(desk.timeout)
                .send()
                .await;
            match response {
                Ok(r) if !r.status().is_server_error() => {
                    if !desk.also.is_empty() {
                        super::targets::desk_answered(base, true);
                    }
                    answered = Some(r);
                    break;
                }
                _ if !desk.also.is_empty() => super::targets::desk_answered(base, false),
                _ => {}
            }
        }
        let Some(response) = answered else {
            return;
        };
        if !response.status().is_success() {
            return;
        }
        #[derive(serde::Deserialize)]
        struct Answer {
            state: String,
            agent: Option<String>,
        }
        let Ok(answer) = response.json::<Answer>().await else {
            tracing::debug!(desk = %desk.name, "the desk answered something unreadable");
            return;
        };
        let outbox = self.pager.outbox();
        let r = match answer.state.as_str() {
            "acknowledged" => {
                outbox.acknowledge(key, answer.agent.as_deref().unwrap_or("An agent"), now_ms())
            }
            // Resolved at the desk: close it here, and tell every other engaged target.
            "resolved" => self.pager.close(key, IncidentState::Resolved),
            // Let go at the desk: nobody is on the way any more.
            "open" => outbox.released(key),
            _ => Ok(()),
        };
        if let Err(e) = r {
            tracing::error!(error = %e, "recording the desk's answer");
        }
    }
}

/// Exponential backoff from `min`, doubling per attempt up to `max`, with jitter (half to all
/// of it); a receiver's `Retry-After` wins when longer.
pub fn backoff(min: Duration, max: Duration, attempts: u32, after: Option<Duration>) -> Duration {
    let exp = min.saturating_mul(1u32 << attempts.min(16)).min(max);
    let jittered = exp.mul_f64(0.5 + fastrand::f64() * 0.5);
    match after {
        Some(a) if a > jittered => a,
        _ => jittered,
    }
}

/// Delivers what is pending for up to `wait`; returns how many deliveries are still pending.
pub async fn flush(pager: &Pager, wait: Duration) -> Result<usize, OutboxError> {
    let worker = Worker::new(pager.clone());
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let rest = worker.step().await?;
        let pending = pager.outbox().pending()?;
        if pending == 0 {
            return Ok(0);
        }
        if tokio::time::Instant::now() >= deadline {
            return Ok(pending);
        }
        let wake = pager.wake_handle();
        tokio::select! {
            _ = wake.notified() => {}
            _ = tokio::time::sleep(rest.min(Duration::from_millis(100))) => {}
            _ = tokio::time::sleep_until(deadline) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_up_to_the_cap_and_honours_retry_after() {
        let min = Duration::from_millis(100);
        let max = Duration::from_secs(2);
        for attempt in 0..10 {
            let d = backoff(min, max, attempt, None);
            let full = (min * (1 << attempt)).min(max);
            assert!(d >= full / 2 && d <= full, "{attempt}: {d:?}");
        }
        assert_eq!(
            backoff(min, max, 0, Some(Duration::from_secs(9))),
            Duration::from_secs(9)
        );
        assert!(backoff(min, max, 40, None) <= max, "capped");
    }
}
