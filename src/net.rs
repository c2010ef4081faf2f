//! Serving an axum router to strangers: the agent desk and the airline service listen where
//! anyone on the network (or on the machine) can connect. Each connection gets its own task, so
//! a client that never finishes its TLS handshake or its request holds up nobody else; every
//! connection has a deadline for its handshake and for each request's headers (also the idle
//! time between requests), every request a deadline for its body and answer; and the number of
//! open connections is capped below the file descriptors the process may open.

use axum::Router;
use axum::extract::ConnectInfo;
use axum::response::IntoResponse;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_rustls::TlsAcceptor;

/// Installs the rustls crypto provider (ring) once; reqwest panics without one.
pub fn install_crypto() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// How long our own clients keep an idle connection for the next request: well under the
/// servers' header deadline ([`Limits::headers`], 10 s) and Node.js's 5 s, so a request never
/// goes out on a connection the server is closing at that same moment (it would fail as
/// "connection closed before message completed").
pub const CLIENT_IDLE: Duration = Duration::from_secs(4);

/// How long a client may take over each part of its conversation.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The TLS handshake.
    pub handshake: Duration,
    /// A request's headers, counted from the end of the previous answer (or the connection's
    /// start): a connection idle for longer is closed.
    pub headers: Duration,
    /// A request's body and the handler's answer (not a stream the answer then sends, such as
    /// the desk's live updates).
    pub request: Duration,
    /// Connections open at once; more wait in the kernel's queue until one closes.
    pub connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            handshake: Duration::from_secs(10),
            headers: Duration::from_secs(10),
            request: Duration::from_secs(30),
            connections: connection_cap(),
        }
    }
}

/// Raises the soft limit on open files to the hard one (systemd starts services at 1024), and
/// answers how many connections fit under it with room for the stores, logs and fonts.
pub fn connection_cap() -> usize {
    let files = raise_file_limit();
    (files.saturating_sub(256) as usize).clamp(64, 16_384)
}

/// The soft limit on open files after raising it as far as allowed.
pub fn raise_file_limit() -> u64 {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit and setrlimit read and write the struct we pass, nothing else.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
                return 1024;
            }
            if limit.rlim_cur < limit.rlim_max {
                let raised = libc::rlimit {
                    rlim_cur: limit.rlim_max,
                    rlim_max: limit.rlim_max,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                    limit.rlim_cur = limit.rlim_max;
                }
            }
        }
        limit.rlim_cur
    }
    #[cfg(not(unix))]
    {
        1024
    }
}

/// Serves `app` on `tcp` (over TLS when `tls` is given) until the process ends.
pub async fn serve(tcp: TcpListener, tls: Option<TlsAcceptor>, app: Router, limits: Limits) {
    let app = app.layer(axum::middleware::from_fn(
        move |req: axum::extract::Request, next: axum::middleware::Next| async move {
            match tokio::time::timeout(limits.request, next.run(req)).await {
                Ok(response) => response,
                Err(_) => {
                    tracing::debug!("a request took too long and was dropped");
                    axum::http::StatusCode::REQUEST_TIMEOUT.into_response()
                }
            }
        },
    ));
    let open = Arc::new(Semaphore::new(limits.connections.max(1)));
    loop {
        let Ok(permit) = open.clone().acquire_owned().await else {
            return;
        };
        let (stream, peer) = match tcp.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                // Out of file descriptors, or the peer gave up before we accepted: wait a
                // moment rather than spin.
                tracing::warn!(error = %e, "accepting a connection");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let tls = tls.clone();
        tokio::spawn(async move {
            let _permit = permit;
            match tls {
                None => connection(stream, peer, app, limits).await,
                Some(acceptor) => {
                    match tokio::time::timeout(limits.handshake, acceptor.accept(stream)).await {
                        Ok(Ok(stream)) => connection(stream, peer, app, limits).await,
                        Ok(Err(e)) => tracing::debug!(error = %e, "a TLS handshake failed"),
                        Err(_) => tracing::debug!("a TLS handshake timed out"),
                    }
                }
            }
        });
    }
}

/// One HTTP/1.1 connection. (HTTP/2's preface would have to be read before any deadline
/// applies; agents' browsers and kiosks speak HTTP/1.1.)
async fn connection<I>(io: I, peer: SocketAddr, app: Router, limits: Limits)
where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let service = hyper::service::service_fn(move |mut request: hyper::Request<_>| {
        request.extensions_mut().insert(ConnectInfo(peer));
        let mut app = app.clone();
        async move {
            use tower_service::Service;
            app.call(request.map(axum::body::Body::new)).await
        }
    });
    let served = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.headers)
        .max_buf_size(64 * 1024)
        .serve_connection(TokioIo::new(io), service)
        .with_upgrades()
        .await;
    if let Err(e) = served {
        tracing::debug!(error = %e, "a connection ended with an error");
    }
}
