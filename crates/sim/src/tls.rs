//! Serving over TLS, HTTP/2 or HTTP/1.1 as the client's ALPN asks (`--tls-cert`, `--tls-key`):
//! a browser speaks HTTP/2 only over TLS, and over HTTP/1.1 it opens at most six connections to
//! one server, each event stream holding one. The certificate is the caller's (`cargo xtask
//! cert` makes one for `localhost` and `127.0.0.1`).

use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder;
use hyper_util::service::TowerToHyperService;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::{crypto, ServerConfig};
use tokio_rustls::TlsAcceptor;

/// A certificate chain and its key, PEM files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

fn bad(what: &str, e: impl std::fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("{what}: {e}"))
}

/// The server's TLS configuration: the files' certificate, HTTP/2 offered first.
pub fn server_config(files: &TlsFiles) -> io::Result<Arc<ServerConfig>> {
    let certs = CertificateDer::pem_file_iter(&files.cert)
        .map_err(|e| bad("the certificate", e))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad("the certificate", e))?;
    let key = PrivateKeyDer::from_pem_file(&files.key).map_err(|e| bad("the key", e))?;
    // ring builds with a C compiler alone; its lack of post-quantum key exchange does not
    // matter to a simulator.
    #[allow(deprecated)]
    let provider = crypto::ring::default_provider();
    let mut config = ServerConfig::builder_with_provider(Arc::new(provider))
        .with_safe_default_protocol_versions()
        .map_err(|e| bad("TLS", e))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| bad("the certificate and key", e))?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// Serves `router` over TLS on `listener`, each connection in HTTP/2 or HTTP/1.1 as ALPN chose.
/// A failed handshake costs only its connection.
pub async fn serve(listener: TcpListener, router: Router, config: Arc<ServerConfig>) {
    let acceptor = TlsAcceptor::from(config);
    loop {
        let Ok((tcp, _)) = listener.accept().await else {
            continue;
        };
        // As the plain server: an event goes out the moment it happens.
        let _ = tcp.set_nodelay(true);
        let (acceptor, router) = (acceptor.clone(), router.clone());
        tokio::spawn(async move {
            let Ok(tls) = acceptor.accept(tcp).await else {
                return;
            };
            let _ = Builder::new(TokioExecutor::new())
                .serve_connection_with_upgrades(TokioIo::new(tls), TowerToHyperService::new(router))
                .await;
        });
    }
}
