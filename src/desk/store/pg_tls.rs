//! TLS between the desk and PostgreSQL, for a database across the network (a managed service,
//! another machine): the pages it keeps carry passengers' names.
//!
//! The URL says it as libpq does: `sslmode=require` (or `verify-ca`, `verify-full`) asks for
//! TLS, and the server's certificate is then always verified — its chain and its host name —
//! against `sslrootcert=/path/ca.pem` when given, else the system's roots. Without `sslmode`
//! (or with `disable` or `prefer`) the desk speaks plain TCP, as on one box or a private link.
//! rustls does the handshake, as for the desk's own HTTPS.

use futures_util::future::BoxFuture;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio_postgres::tls::{ChannelBinding, MakeTlsConnect, TlsConnect, TlsStream};

/// What the URL asks for, read off it before tokio-postgres (which knows neither
/// `sslrootcert` nor the verifying modes) reads the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct Wanted {
    /// The URL tokio-postgres is given: `sslmode=require` or `disable`, no `sslrootcert`.
    pub url: String,
    /// TLS, verified against these roots (`None`: plain TCP).
    pub tls: Option<Roots>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Roots {
    System,
    File(PathBuf),
}

/// Reads `sslmode` and `sslrootcert` off `url`. The rest of its query is left exactly as it
/// was written: decoded and encoded again, a space (`%20`) would come back as `+`, which
/// tokio-postgres reads as a plus.
pub fn wanted(url: &str) -> Result<Wanted, String> {
    let parsed = url::Url::parse(url).map_err(|e| format!("the database URL: {e}"))?;
    let mut mode = None;
    let mut root = None;
    let mut rest: Vec<&str> = Vec::new();
    for pair in parsed
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let Some((k, v)) = url::form_urlencoded::parse(pair.as_bytes()).next() else {
            continue;
        };
        match &*k {
            "sslmode" => mode = Some(v.into_owned()),
            "sslrootcert" => root = Some(v.into_owned()),
            _ => rest.push(pair),
        }
    }
    let tls = match mode.as_deref() {
        None | Some("disable") | Some("prefer") => None,
        Some("require") | Some("verify-ca") | Some("verify-full") => Some(match &root {
            Some(path) if path != "system" => Roots::File(PathBuf::from(path)),
            _ => Roots::System,
        }),
        Some(other) => {
            return Err(format!(
                "the database URL's sslmode must be disable, prefer, require, verify-ca or verify-full, found {other}"
            ));
        }
    };
    if root.is_some() && tls.is_none() {
        return Err("the database URL gives sslrootcert without sslmode=require".into());
    }
    let sslmode = if tls.is_some() {
        "sslmode=require"
    } else {
        "sslmode=disable"
    };
    rest.push(sslmode);
    let mut url = parsed.clone();
    url.set_query(Some(&rest.join("&")));
    Ok(Wanted {
        url: url.to_string(),
        tls,
    })
}

/// The most a CA file may hold (a system's whole bundle is some 200 KB).
const MAX_ROOTS_BYTES: u64 = 4 << 20;

/// The connector tokio-postgres is handed: TLS verified against `roots`, or none.
#[derive(Clone)]
pub struct PgTls(Option<Arc<rustls::ClientConfig>>);

impl PgTls {
    pub fn new(roots: Option<&Roots>) -> Result<PgTls, String> {
        crate::net::install_crypto();
        let Some(roots) = roots else {
            return Ok(PgTls(None));
        };
        let config = match roots {
            Roots::System => {
                use rustls_platform_verifier::ConfigVerifierExt;
                rustls::ClientConfig::with_platform_verifier()
                    .map_err(|e| format!("TLS to PostgreSQL: the system's roots: {e}"))?
            }
            Roots::File(path) => rustls::ClientConfig::builder()
                .with_root_certificates(read_roots(path)?)
                .with_no_client_auth(),
        };
        Ok(PgTls(Some(Arc::new(config))))
    }
}

/// The certificates in the PEM file `path`, as roots to trust.
pub fn read_roots(path: &Path) -> Result<rustls::RootCertStore, String> {
    let pem = crate::store::read_capped(path, MAX_ROOTS_BYTES)
        .map_err(|e| format!("sslrootcert {}: {e}", path.display()))?;
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(&pem) {
        let cert = cert.map_err(|e| format!("sslrootcert {}: {e}", path.display()))?;
        roots
            .add(cert)
            .map_err(|e| format!("sslrootcert {}: {e}", path.display()))?;
    }
    if roots.is_empty() {
        return Err(format!(
            "sslrootcert {}: no certificate in it",
            path.display()
        ));
    }
    Ok(roots)
}

impl<S> MakeTlsConnect<S> for PgTls
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    type Stream = PgTlsStream<S>;
    type TlsConnect = PgTlsConnect;
    type Error = io::Error;

    fn make_tls_connect(&mut self, domain: &str) -> io::Result<PgTlsConnect> {
        // A host that is no name (a socket's directory) fails only if TLS is then asked of it.
        Ok(PgTlsConnect {
            config: self.0.clone(),
            name: ServerName::try_from(domain.to_string()).ok(),
        })
    }
}

pub struct PgTlsConnect {
    config: Option<Arc<rustls::ClientConfig>>,
    name: Option<ServerName<'static>>,
}

impl<S> TlsConnect<S> for PgTlsConnect
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    type Stream = PgTlsStream<S>;
    type Error = io::Error;
    type Future = BoxFuture<'static, io::Result<PgTlsStream<S>>>;

    fn connect(self, stream: S) -> Self::Future {
        Box::pin(async move {
            let Some(config) = self.config else {
                return Err(io::Error::other("TLS to PostgreSQL was not asked for"));
            };
            let Some(name) = self.name else {
                return Err(io::Error::other(
                    "TLS to PostgreSQL needs a host name or address to verify",
                ));
            };
            let tls = tokio_rustls::TlsConnector::from(config)
                .connect(name, stream)
                .await?;
            Ok(PgTlsStream(tls))
        })
    }
}

pub struct PgTlsStream<S>(tokio_rustls::client::TlsStream<S>);

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncRead for PgTlsStream<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncWrite for PgTlsStream<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> TlsStream for PgTlsStream<S> {
    fn channel_binding(&self) -> ChannelBinding {
        ChannelBinding::none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_says_whether_and_against_what() {
        let plain = wanted("postgres://desk@db.example/concierge").unwrap();
        assert_eq!(plain.tls, None);
        assert!(plain.url.ends_with("sslmode=disable"), "{}", plain.url);
        let system = wanted("postgres://desk@db.example/concierge?sslmode=verify-full").unwrap();
        assert_eq!(system.tls, Some(Roots::System));
        assert!(system.url.ends_with("?sslmode=require"), "{}", system.url);
        let file = wanted(
            "postgres://desk@db.example/c?sslmode=require&sslrootcert=/etc/ca.pem&connect_timeout=3",
        )
        .unwrap();
        assert_eq!(file.tls, Some(Roots::File("/etc/ca.pem".into())));
        assert_eq!(
            file.url,
            "postgres://desk@db.example/c?connect_timeout=3&sslmode=require"
        );
        // The rest of the query as it was written.
        let spaced =
            wanted("postgres://desk@db/c?application_name=desk%20a&sslmode=require").unwrap();
        assert_eq!(
            spaced.url,
            "postgres://desk@db/c?application_name=desk%20a&sslmode=require"
        );
        assert!(wanted("postgres://db/c?sslmode=allow").is_err());
        assert!(wanted("postgres://db/c?sslrootcert=/etc/ca.pem").is_err());
    }
}
