//! One delivery attempt to one target, in the target's own protocol: our signed webhook (and
//! desk), Prometheus Alertmanager `POST /api/v2/alerts`, PagerDuty Events API v2, ntfy, Slack
//! incoming webhooks. Classifies the answer: delivered, retry (429, 408, 5xx, network errors,
//! honouring `Retry-After`), or refused for good (other 4xx: an operator fault).

use super::HelpRequest;
use super::signature;
use crate::config::{Target, TargetKind};
use std::time::Duration;

/// How an attempt went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attempt {
    Delivered,
    /// Try again (after `after` if the receiver said so).
    Retry {
        error: String,
        after: Option<Duration>,
    },
    /// The target refused for good: bad URL, bad key, gone. Reported to the operator.
    Refused {
        error: String,
    },
}

fn alert_body(r: &HelpRequest, closing: bool) -> serde_json::Value {
    let now = chrono::Utc::now().to_rfc3339();
    let mut alert = serde_json::json!({
        // Labels are the alert's identity: only what never changes within an incident.
        "labels": {
            "alertname": "ConciergeHelp",
            "kiosk": r.kiosk.id,
            "airport": r.kiosk.airport.clone().unwrap_or_default(),
            "severity": "page",
            "incident": r.incident,
        },
        "annotations": {
            "summary": r.summary(),
            "reason": r.reason,
            "escalation_level": r.escalation_level.to_string(),
            "location": r.kiosk.location,
            "step": r.step,
            "flight": r.flight.clone().unwrap_or_default(),
            "minutes_until_close": r.minutes_until_close.map(|m| m.to_string()).unwrap_or_default(),
            "locale": r.locale,
        },
        "startsAt": r.requested_at,
    });
    if closing {
        alert["endsAt"] = serde_json::Value::String(now);
    }
    serde_json::Value::Array(vec![alert])
}

fn pagerduty_body(r: &HelpRequest, routing_key: &str, closing: bool) -> serde_json::Value {
    serde_json::json!({
        "routing_key": routing_key,
        "event_action": if closing { "resolve" } else { "trigger" },
        "dedup_key": r.incident,
        "payload": {
            "summary": r.summary(),
            "source": r.kiosk.id,
            "severity": if r.escalation_level > 0 { "critical" } else { "error" },
            "timestamp": r.requested_at,
            "component": r.step,
            "group": r.kiosk.airport.clone().unwrap_or_default(),
            "class": r.reason,
            "custom_details": {
                "location": r.kiosk.location,
                "flight": r.flight,
                "minutes_until_close": r.minutes_until_close,
                "locale": r.locale,
                "first_name": r.first_name,
            },
        },
    })
}

/// How long a desk instance that did not answer is tried after its peers.
const SHUN: Duration = Duration::from_secs(30);

/// Desk instances (by URL) that lately did not answer, and since when.
fn shunned() -> std::sync::MutexGuard<'static, std::collections::HashMap<String, std::time::Instant>>
{
    static FAILED: std::sync::OnceLock<
        std::sync::Mutex<std::collections::HashMap<String, std::time::Instant>>,
    > = std::sync::OnceLock::new();
    FAILED
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner())
}

/// A desk target's instances in the order to try them: `url`, then `also`, except that one
/// which did not answer in the last 30 seconds goes after the others.
pub fn desk_urls(target: &Target) -> Vec<&crate::config::Secret> {
    let all = std::iter::once(&target.url).chain(target.also.iter());
    let failed = shunned();
    let (late, early): (Vec<_>, Vec<_>) = all.partition(|u| {
        failed
            .get(u.expose())
            .is_some_and(|since| since.elapsed() < SHUN)
    });
    early.into_iter().chain(late).collect()
}

/// Remembers whether a desk instance answered.
pub fn desk_answered(url: &crate::config::Secret, answered: bool) {
    let mut failed = shunned();
    if answered {
        failed.remove(url.expose());
    } else {
        if failed.len() > 1000 {
            failed.clear();
        }
        failed.insert(url.expose().to_string(), std::time::Instant::now());
    }
}

/// Sends `request` to `target` once — to a desk with several instances, to each in turn until
/// one answers (they share one store: a page two of them receive is one incident).
pub async fn send_once(
    client: &reqwest::Client,
    target: &Target,
    request: &HelpRequest,
) -> Attempt {
    if target.kind == TargetKind::Desk && !target.also.is_empty() {
        let mut last = None;
        for url in desk_urls(target) {
            let one = Target {
                url: url.clone(),
                also: Vec::new(),
                ..target.clone()
            };
            match Box::pin(send_once(client, &one, request)).await {
                retry @ Attempt::Retry { .. } => {
                    tracing::warn!(target = %target.name, "a desk instance did not take the page: trying the next");
                    desk_answered(url, false);
                    last = Some(retry);
                }
                answer => {
                    desk_answered(url, true);
                    return answer;
                }
            }
        }
        return last.unwrap_or(Attempt::Retry {
            error: "no desk instance answered".into(),
            after: None,
        });
    }
    let closing = matches!(request.state.as_str(), "cancelled" | "resolved" | "test");
    let url = target.url.expose().trim_end_matches('/');
    let builder = match target.kind {
        TargetKind::Desk | TargetKind::Webhook => {
            let body = match serde_json::to_vec(request) {
                Ok(b) => b,
                Err(e) => {
                    return Attempt::Refused {
                        error: e.to_string(),
                    };
                }
            };
            let secret = target
                .secret
                .as_ref()
                .map(|s| s.expose().as_bytes())
                .unwrap_or_default();
            let t = chrono::Utc::now().timestamp();
            let url = if target.kind == TargetKind::Desk {
                format!("{url}/api/v1/incidents")
            } else {
                target.url.expose().to_string()
            };
            client
                .post(url)
                .header("Content-Type", "application/json")
                .header(signature::HEADER, signature::sign(secret, t, &body))
                .header("Idempotency-Key", &request.incident)
                .body(body)
        }
        TargetKind::Alertmanager => client
            .post(format!("{url}/api/v2/alerts"))
            .json(&alert_body(request, closing)),
        TargetKind::PagerDuty => {
            let key = target
                .routing_key
                .as_ref()
                .map(|k| k.expose())
                .unwrap_or_default();
            client
                .post(target.url.expose())
                .json(&pagerduty_body(request, key, closing))
        }
        TargetKind::Ntfy => {
            let (priority, tags) = match (closing, request.escalation_level) {
                (true, _) => ("default", "white_check_mark"),
                (false, 0) => ("high", "sos"),
                (false, _) => ("urgent", "rotating_light"),
            };
            let mut b = client
                .post(target.url.expose())
                .header("Title", format!("Help at kiosk {}", request.kiosk.id))
                .header("Priority", priority)
                .header("Tags", tags)
                .body(request.summary());
            if let Some(token) = &target.token {
                b = b.bearer_auth(token.expose());
            }
            b
        }
        TargetKind::Slack => client
            .post(target.url.expose())
            .json(&serde_json::json!({ "text": request.summary() })),
    };
    match builder.timeout(target.timeout).send().await {
        Ok(response) => classify(response.status(), response.headers()),
        Err(e) => Attempt::Retry {
            // The URL may embed a token (Slack, ntfy): never put it in the error.
            error: describe(e),
            after: None,
        },
    }
}

/// Posts `body`, signed with the desk target's key, to `path` on the desk — on each of its
/// instances in turn until one answers (heartbeats take this way).
pub async fn post_to_desk(
    client: &reqwest::Client,
    target: &Target,
    path: &str,
    body: &[u8],
) -> Attempt {
    let secret = target
        .secret
        .as_ref()
        .map(|s| s.expose().as_bytes())
        .unwrap_or_default();
    let several = !target.also.is_empty();
    let mut last = Attempt::Retry {
        error: "no desk instance answered".into(),
        after: None,
    };
    for base in desk_urls(target) {
        let url = format!("{}{path}", base.expose().trim_end_matches('/'));
        let t = chrono::Utc::now().timestamp();
        let sent = client
            .post(url)
            .header("Content-Type", "application/json")
            .header(signature::HEADER, signature::sign(secret, t, body))
            .body(body.to_vec())
            .timeout(target.timeout)
            .send()
            .await;
        let attempt = match sent {
            Ok(response) => classify(response.status(), response.headers()),
            Err(e) => Attempt::Retry {
                error: describe(e),
                after: None,
            },
        };
        match attempt {
            Attempt::Retry { .. } => {
                if several {
                    desk_answered(base, false);
                }
                last = attempt;
            }
            answer => {
                if several {
                    desk_answered(base, true);
                }
                return answer;
            }
        }
    }
    last
}

fn describe(e: reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".into()
    } else if e.is_connect() {
        "connection failed".into()
    } else {
        format!("request failed: {}", e.without_url())
    }
}

fn classify(status: reqwest::StatusCode, headers: &reqwest::header::HeaderMap) -> Attempt {
    let code = status.as_u16();
    if status.is_success() {
        return Attempt::Delivered;
    }
    if code == 429 || code == 408 || status.is_server_error() {
        return Attempt::Retry {
            error: format!("HTTP {code}"),
            after: retry_after(headers),
        };
    }
    Attempt::Refused {
        error: format!("HTTP {code}: the target refused the page; check its URL and key"),
    }
}

/// `Retry-After` as seconds or an HTTP date.
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs.min(3600)));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = when.with_timezone(&chrono::Utc) - chrono::Utc::now();
    wait.to_std().ok().map(|d| d.min(Duration::from_secs(3600)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue, RETRY_AFTER};

    #[test]
    fn answers_are_classified_as_the_protocol_says() {
        let none = HeaderMap::new();
        let c = |code: u16| classify(reqwest::StatusCode::from_u16(code).unwrap(), &none);
        assert_eq!(c(200), Attempt::Delivered);
        assert_eq!(c(202), Attempt::Delivered);
        for code in [429, 500, 502, 503, 408] {
            assert!(matches!(c(code), Attempt::Retry { .. }), "{code}");
        }
        for code in [400, 401, 403, 404, 410, 422] {
            assert!(matches!(c(code), Attempt::Refused { .. }), "{code}");
        }
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        let later = (chrono::Utc::now() + chrono::TimeDelta::seconds(30)).to_rfc2822();
        h.insert(RETRY_AFTER, HeaderValue::from_str(&later).unwrap());
        let d = retry_after(&h).unwrap();
        assert!(
            d > Duration::from_secs(25) && d <= Duration::from_secs(30),
            "{d:?}"
        );
    }
}
