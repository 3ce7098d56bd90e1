//! TLS for server connections with rustls (the TLS stack reqwest already brings, so no system
//! OpenSSL is needed), checking certificates as libpq's `sslmode` says:
//! - `prefer`/`require`: encrypted; the certificate is checked against the root certificate
//!   when one is given (`sslrootcert`, or `~/.postgresql/root.crt` when it exists), else not;
//! - `verify-ca`: signed by the root certificate (`sslrootcert=system`: the system's roots);
//! - `verify-full`: that, and issued for the host name.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};

use super::conninfo::{ConnInfo, SslMode};

/// What the certificate check needs that could not be had.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    /// The root certificate file could not be read.
    #[error("cannot read the root certificate {file}: {why}")]
    RootCert {
        /// The file.
        file: String,
        /// Why.
        why: String,
    },
    /// verify-ca/verify-full without any root certificate.
    #[error(
        "sslmode={mode} needs a root certificate: set sslrootcert=FILE (or sslrootcert=system), \
         or put it in ~/.postgresql/root.crt"
    )]
    NoRoot {
        /// The mode.
        mode: &'static str,
    },
    /// rustls refused the configuration.
    #[error("TLS setup failed: {0}")]
    Setup(String),
}

/// The TLS connector for `info`, or `None` when TLS is off (`sslmode=disable`, or a Unix
/// socket, where libpq never uses TLS).
pub fn connector(
    info: &ConnInfo,
    home: Option<&Path>,
) -> Result<Option<tokio_postgres_rustls::MakeRustlsConnect>, TlsError> {
    let mode = info
        .ssl_mode()
        .map_err(|e| TlsError::Setup(e.to_string()))?;
    if mode == SslMode::Disable || info.is_socket() {
        return Ok(None);
    }
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let roots = root_store(info, home, mode)?;
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| TlsError::Setup(e.to_string()))?;
    let verifier: Arc<dyn ServerCertVerifier> = match (mode, roots) {
        (_, None) => Arc::new(Unverified(provider)),
        (mode, Some(roots)) => {
            let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .map_err(|e| TlsError::Setup(e.to_string()))?;
            Arc::new(Verified {
                inner: webpki,
                check_name: mode == SslMode::VerifyFull,
            })
        }
    };
    let config = builder
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok(Some(tokio_postgres_rustls::MakeRustlsConnect::new(config)))
}

/// The root certificates to check against, or `None` for no check.
fn root_store(
    info: &ConnInfo,
    home: Option<&Path>,
    mode: SslMode,
) -> Result<Option<RootCertStore>, TlsError> {
    let strict = matches!(mode, SslMode::VerifyCa | SslMode::VerifyFull);
    let default = home.map(|h| h.join(".postgresql/root.crt"));
    let file: Option<PathBuf> = match info.get("sslrootcert") {
        Some("system") => {
            let mut store = RootCertStore::empty();
            let found = rustls_native_certs::load_native_certs();
            store.add_parsable_certificates(found.certs);
            return Ok(Some(store));
        }
        Some(f) => Some(PathBuf::from(f)),
        None => default.filter(|d| d.exists()),
    };
    let Some(file) = file else {
        return if strict {
            Err(TlsError::NoRoot {
                mode: if mode == SslMode::VerifyCa {
                    "verify-ca"
                } else {
                    "verify-full"
                },
            })
        } else {
            Ok(None)
        };
    };
    let err = |why: String| TlsError::RootCert {
        file: file.display().to_string(),
        why,
    };
    let mut store = RootCertStore::empty();
    let certs = CertificateDer::pem_file_iter(&file).map_err(|e| err(e.to_string()))?;
    for c in certs {
        store
            .add(c.map_err(|e| err(e.to_string()))?)
            .map_err(|e| err(e.to_string()))?;
    }
    if store.is_empty() {
        return Err(err("it holds no certificate".to_owned()));
    }
    Ok(Some(store))
}

/// Encryption without authentication: what libpq's `require` gives without a root
/// certificate. Handshake signatures are still checked.
#[derive(Debug)]
struct Unverified(Arc<CryptoProvider>);

impl ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// The chain checked against the roots; the host name only for `verify-full`.
#[derive(Debug)]
struct Verified {
    inner: Arc<WebPkiServerVerifier>,
    check_name: bool,
}

impl ServerCertVerifier for Verified {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self.inner.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        ) {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) if !self.check_name => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}
