//! Connection strings the way libpq reads them, so `newsmap --db` takes what `psql` takes: a
//! `postgres://` URL or `key=value` pairs, a `service=` name from `pg_service.conf`, the `PG…`
//! environment variables, and the password from `PGPASSWORD` or `~/.pgpass`. The password is
//! kept only in the [`ConnInfo`] used to connect; [`ConnInfo::describe`] never shows it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why a connection string could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConnInfoError {
    /// The string is neither a URL nor `key=value` pairs.
    #[error("the connection string is not valid: {0}")]
    Syntax(String),
    /// A parameter libpq does not know (a typo would otherwise be ignored).
    #[error("the connection string has an unknown parameter \"{0}\"")]
    Unknown(String),
    /// `service=NAME` names no section of any service file.
    #[error("service \"{name}\" is not defined in {files}")]
    NoService {
        /// The service.
        name: String,
        /// The files looked in.
        files: String,
    },
    /// A value that cannot be used (`port=abc`, `sslmode=maybe`).
    #[error("invalid {key} \"{value}\"")]
    Value {
        /// The parameter.
        key: String,
        /// Its value.
        value: String,
    },
}

/// How hard to insist on TLS, as libpq's `sslmode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SslMode {
    /// Never TLS.
    Disable,
    /// TLS if the server offers it, without checking its certificate ("allow", "prefer").
    Prefer,
    /// TLS or nothing; the certificate is checked only when a root certificate is given.
    Require,
    /// TLS with a certificate signed by the root certificate.
    VerifyCa,
    /// As `VerifyCa`, and the certificate must name the host.
    VerifyFull,
}

impl SslMode {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "disable" => Self::Disable,
            "allow" | "prefer" => Self::Prefer,
            "require" => Self::Require,
            "verify-ca" => Self::VerifyCa,
            "verify-full" => Self::VerifyFull,
            _ => return None,
        })
    }
}

/// Parameters libpq accepts that newsmap uses or may safely ignore.
const KNOWN: &[&str] = &[
    "host",
    "hostaddr",
    "port",
    "dbname",
    "user",
    "password",
    "passfile",
    "connect_timeout",
    "application_name",
    "fallback_application_name",
    "options",
    "sslmode",
    "sslrootcert",
    "sslcert",
    "sslkey",
    "service",
    "keepalives",
    "keepalives_idle",
    "target_session_attrs",
    "channel_binding",
    "client_encoding",
];

/// Environment variables libpq reads, and the parameter each one sets.
const ENV: &[(&str, &str)] = &[
    ("PGHOST", "host"),
    ("PGHOSTADDR", "hostaddr"),
    ("PGPORT", "port"),
    ("PGDATABASE", "dbname"),
    ("PGUSER", "user"),
    ("PGPASSWORD", "password"),
    ("PGPASSFILE", "passfile"),
    ("PGCONNECT_TIMEOUT", "connect_timeout"),
    ("PGAPPNAME", "application_name"),
    ("PGOPTIONS", "options"),
    ("PGSSLMODE", "sslmode"),
    ("PGSSLROOTCERT", "sslrootcert"),
    ("PGTARGETSESSIONATTRS", "target_session_attrs"),
];

/// A connection's parameters, resolved as libpq resolves them.
#[derive(Clone, PartialEq, Eq)]
pub struct ConnInfo {
    params: BTreeMap<String, String>,
}

impl std::fmt::Debug for ConnInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the password, not even in a debug dump.
        f.write_str(&self.describe())
    }
}

/// True for strings `--db` and `--into` treat as a server, not a file.
pub fn is_server_url(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://")
        || lower.starts_with("postgresql://")
        || lower.starts_with("service=")
}

impl ConnInfo {
    /// Reads `conn` (URL or `key=value` pairs) with the process's environment and the user's
    /// files (`~/.pg_service.conf`, `~/.pgpass`).
    pub fn parse(conn: &str) -> Result<Self, ConnInfoError> {
        Self::parse_with(conn, &|k| std::env::var(k).ok(), home().as_deref())
    }

    /// [`ConnInfo::parse`] with the environment and home directory given (for tests).
    pub fn parse_with(
        conn: &str,
        env: &dyn Fn(&str) -> Option<String>,
        home: Option<&Path>,
    ) -> Result<Self, ConnInfoError> {
        let trimmed = conn.trim();
        let lower = trimmed.to_ascii_lowercase();
        let given = if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            parse_url(trimmed)?
        } else {
            parse_pairs(trimmed)?
        };
        for k in given.keys() {
            if !KNOWN.contains(&k.as_str()) {
                return Err(ConnInfoError::Unknown(k.clone()));
            }
        }
        let mut params = given;
        // A service's values come after what was given and before the environment.
        let service = params.get("service").cloned().or_else(|| env("PGSERVICE"));
        if let Some(name) = service {
            for (k, v) in service_params(&name, env, home)? {
                params.entry(k).or_insert(v);
            }
        }
        for (var, key) in ENV {
            if let Some(v) = env(var).filter(|v| !v.is_empty()) {
                params.entry((*key).to_owned()).or_insert(v);
            }
        }
        let user = params
            .get("user")
            .cloned()
            .or_else(|| env("USER"))
            .or_else(|| env("LOGNAME"))
            .unwrap_or_else(|| "postgres".to_owned());
        params.entry("user".to_owned()).or_insert(user.clone());
        params.entry("dbname".to_owned()).or_insert(user);
        params
            .entry("host".to_owned())
            .or_insert_with(|| DEFAULT_SOCKET_DIR.to_owned());
        params
            .entry("port".to_owned())
            .or_insert_with(|| "5432".to_owned());
        let mut info = Self { params };
        info.port()?;
        info.ssl_mode()?;
        if !info.params.contains_key("password") {
            let passfile = info
                .params
                .get("passfile")
                .map(PathBuf::from)
                .or_else(|| home.map(|h| h.join(".pgpass")));
            if let Some(pw) = passfile.and_then(|f| info.pgpass_lookup(&f)) {
                info.params.insert("password".to_owned(), pw);
            }
        }
        Ok(info)
    }

    /// A parameter's value.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.params.get(key).map(String::as_str)
    }

    /// The host (a name, an address, or a socket directory starting with `/`).
    pub fn host(&self) -> &str {
        self.get("host").unwrap_or(DEFAULT_SOCKET_DIR)
    }

    /// The port.
    pub fn port(&self) -> Result<u16, ConnInfoError> {
        let v = self.get("port").unwrap_or("5432");
        v.parse().map_err(|_| ConnInfoError::Value {
            key: "port".to_owned(),
            value: v.to_owned(),
        })
    }

    /// The TLS mode (libpq's default is "prefer").
    pub fn ssl_mode(&self) -> Result<SslMode, ConnInfoError> {
        let v = self.get("sslmode").unwrap_or("prefer");
        SslMode::parse(v).ok_or_else(|| ConnInfoError::Value {
            key: "sslmode".to_owned(),
            value: v.to_owned(),
        })
    }

    /// The connect timeout: the one given, else 10 s, so a silent host cannot hang a worker.
    pub fn connect_timeout(&self) -> std::time::Duration {
        let secs = self
            .get("connect_timeout")
            .and_then(|s| s.parse::<u64>().ok())
            .filter(|&s| s > 0)
            .unwrap_or(10);
        std::time::Duration::from_secs(secs)
    }

    /// True when the host is a Unix socket directory.
    pub fn is_socket(&self) -> bool {
        self.host().starts_with('/')
    }

    /// "user@host:port/db": for messages; never the password.
    pub fn describe(&self) -> String {
        format!(
            "postgres://{}@{}:{}/{}",
            self.get("user").unwrap_or(""),
            self.host(),
            self.get("port").unwrap_or("5432"),
            self.get("dbname").unwrap_or("")
        )
    }

    /// The `~/.pgpass` line for this connection: `host:port:db:user:password`, `*` matching
    /// anything, `\` escaping `:` and `\`. A file others can read is ignored, as libpq does.
    fn pgpass_lookup(&self, file: &Path) -> Option<String> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(file).ok()?.permissions().mode();
            if mode & 0o077 != 0 {
                return None;
            }
        }
        let text = std::fs::read_to_string(file).ok()?;
        // libpq matches a socket connection with "localhost".
        let host = if self.is_socket() {
            "localhost"
        } else {
            self.host()
        };
        let want = [
            host,
            self.get("port").unwrap_or("5432"),
            self.get("dbname").unwrap_or(""),
            self.get("user").unwrap_or(""),
        ];
        for line in text.lines() {
            if line.trim_start().starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields = split_pgpass(line);
            if fields.len() < 5 {
                continue;
            }
            if fields[..4]
                .iter()
                .zip(want)
                .all(|(f, w)| f == "*" || f == w)
            {
                return Some(fields[4].clone());
            }
        }
        None
    }
}

/// Debian's libpq looks for the server's socket here.
const DEFAULT_SOCKET_DIR: &str = "/var/run/postgresql";

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.last_mut().expect("never empty").push(n);
                }
            }
            // The password is the rest of the line, colons and all.
            ':' if out.len() < 5 => out.push(String::new()),
            c => out.last_mut().expect("never empty").push(c),
        }
    }
    out
}

/// `postgres://user:password@host:port/dbname?key=value&…`, percent-decoded.
fn parse_url(url: &str) -> Result<BTreeMap<String, String>, ConnInfoError> {
    let bad = |why: &str| ConnInfoError::Syntax(why.to_owned());
    let rest = url
        .split_once("://")
        .map(|(_, r)| r)
        .ok_or_else(|| bad("no scheme"))?;
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    let (authority, path) = match rest.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (rest, None),
    };
    let mut out = BTreeMap::new();
    let (userinfo, hostport) = match authority.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, authority),
    };
    if let Some(u) = userinfo {
        let (user, password) = match u.split_once(':') {
            Some((a, b)) => (a, Some(b)),
            None => (u, None),
        };
        if !user.is_empty() {
            out.insert("user".to_owned(), decode(user)?);
        }
        if let Some(p) = password {
            out.insert("password".to_owned(), decode(p)?);
        }
    }
    if !hostport.is_empty() {
        let (host, port) = if let Some(inner) = hostport.strip_prefix('[') {
            let (h, after) = inner
                .split_once(']')
                .ok_or_else(|| bad("an IPv6 address without its closing ]"))?;
            (h, after.strip_prefix(':'))
        } else {
            match hostport.rsplit_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (hostport, None),
            }
        };
        if host.contains(',') {
            return Err(bad("several hosts are not supported"));
        }
        if !host.is_empty() {
            out.insert("host".to_owned(), decode(host)?);
        }
        if let Some(p) = port.filter(|p| !p.is_empty()) {
            out.insert("port".to_owned(), decode(p)?);
        }
    }
    if let Some(db) = path.filter(|p| !p.is_empty()) {
        out.insert("dbname".to_owned(), decode(db)?);
    }
    for pair in query.into_iter().flat_map(|q| q.split('&')) {
        if pair.is_empty() {
            continue;
        }
        let (k, v) = pair
            .split_once('=')
            .ok_or_else(|| bad(&format!("\"{pair}\" is not key=value")))?;
        out.insert(decode(k)?, decode(v)?);
    }
    Ok(out)
}

fn decode(s: &str) -> Result<String, ConnInfoError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| ConnInfoError::Syntax(format!("bad percent-escape in \"{s}\"")))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| ConnInfoError::Syntax(format!("\"{s}\" is not UTF-8")))
}

/// `key=value key='quoted \' value'`.
fn parse_pairs(s: &str) -> Result<BTreeMap<String, String>, ConnInfoError> {
    let mut out = BTreeMap::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            break;
        }
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c.is_whitespace() {
                break;
            }
            key.push(c);
            chars.next();
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.next() != Some('=') {
            return Err(ConnInfoError::Syntax(format!(
                "\"{key}\" is missing \"=\" (use key=value pairs or a postgres:// URL)"
            )));
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut value = String::new();
        if chars.peek() == Some(&'\'') {
            chars.next();
            let mut closed = false;
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '\'' => {
                        closed = true;
                        break;
                    }
                    c => value.push(c),
                }
            }
            if !closed {
                return Err(ConnInfoError::Syntax(format!(
                    "the value of \"{key}\" has no closing quote"
                )));
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                chars.next();
                if c == '\\' {
                    value.extend(chars.next());
                } else {
                    value.push(c);
                }
            }
        }
        out.insert(key, value);
    }
    Ok(out)
}

/// The parameters of service `name`: the user's file (`PGSERVICEFILE` or
/// `~/.pg_service.conf`) first, then the system's (`PGSYSCONFDIR/pg_service.conf`, on Debian
/// `/etc/postgresql-common/pg_service.conf`).
fn service_params(
    name: &str,
    env: &dyn Fn(&str) -> Option<String>,
    home: Option<&Path>,
) -> Result<Vec<(String, String)>, ConnInfoError> {
    let files: Vec<PathBuf> = [
        env("PGSERVICEFILE")
            .map(PathBuf::from)
            .or_else(|| home.map(|h| h.join(".pg_service.conf"))),
        Some(
            env("PGSYSCONFDIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("/etc/postgresql-common"))
                .join("pg_service.conf"),
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        let mut in_section = false;
        let mut found = None::<Vec<(String, String)>>;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                in_section = section.trim() == name;
                if in_section {
                    found.get_or_insert_with(Vec::new);
                }
                continue;
            }
            if in_section && let Some((k, v)) = line.split_once('=') {
                let k = k.trim().to_owned();
                if !KNOWN.contains(&k.as_str()) || k == "service" {
                    return Err(ConnInfoError::Unknown(format!("{k} (in {})", f.display())));
                }
                found
                    .get_or_insert_with(Vec::new)
                    .push((k, v.trim().to_owned()));
            }
        }
        if let Some(params) = found {
            return Ok(params);
        }
    }
    Err(ConnInfoError::NoService {
        name: name.to_owned(),
        files: files
            .iter()
            .map(|f| f.display().to_string())
            .collect::<Vec<_>>()
            .join(" or "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str, env: &[(&str, &str)], home: Option<&Path>) -> ConnInfo {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        ConnInfo::parse_with(
            s,
            &|k| env.iter().find(|(a, _)| a == k).map(|(_, b)| b.clone()),
            home,
        )
        .unwrap()
    }

    #[test]
    fn urls_and_pairs_give_the_same_parameters() {
        let a = parse(
            "postgres://ana:s%40cret@db.example.org:6543/news?sslmode=require",
            &[],
            None,
        );
        let b = parse(
            "host=db.example.org port=6543 dbname=news user=ana password='s@cret' sslmode=require",
            &[],
            None,
        );
        assert_eq!(a, b);
        assert_eq!(a.get("password"), Some("s@cret"));
        assert_eq!(a.ssl_mode().unwrap(), SslMode::Require);
        assert_eq!(a.describe(), "postgres://ana@db.example.org:6543/news");
        assert!(!format!("{a:?}").contains("s@cret"), "no password in Debug");
        let v6 = parse("postgresql://[::1]:5433/x", &[], None);
        assert_eq!((v6.host(), v6.port().unwrap()), ("::1", 5433));
    }

    #[test]
    fn environment_fills_what_is_missing_and_pgpass_gives_the_password() {
        let dir = tempfile::tempdir().unwrap();
        let pgpass = dir.path().join(".pgpass");
        std::fs::write(
            &pgpass,
            "# comment\nother:*:*:*:no\ndb.example.org:5432:*:ana:pa\\:ss:word\n",
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let c = parse(
            "postgres://db.example.org/news",
            &[("PGUSER", "ana"), ("PGPORT", "9999")],
            Some(dir.path()),
        );
        assert_eq!(c.port().unwrap(), 9999, "PGPORT fills the missing port");
        assert_eq!(c.get("password"), None, "the pgpass line is for port 5432");
        let c = parse(
            "postgres://db.example.org/news",
            &[("PGUSER", "ana")],
            Some(dir.path()),
        );
        assert_eq!(c.get("password"), Some("pa:ss:word"));
        let c = parse(
            "postgres://db.example.org/news",
            &[("PGUSER", "ana"), ("PGPASSWORD", "env")],
            Some(dir.path()),
        );
        assert_eq!(
            c.get("password"),
            Some("env"),
            "PGPASSWORD wins over pgpass"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o644)).unwrap();
            let c = parse(
                "postgres://db.example.org/news",
                &[("PGUSER", "ana")],
                Some(dir.path()),
            );
            assert_eq!(
                c.get("password"),
                None,
                "a world-readable pgpass is ignored"
            );
        }
    }

    #[test]
    fn a_service_supplies_defaults_and_unknown_names_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("services.conf");
        std::fs::write(
            &file,
            "[team]\nhost=10.0.0.5\nport=5433\ndbname=corpus\n\n[other]\nhost=x\n",
        )
        .unwrap();
        let env = [("PGSERVICEFILE", file.to_str().unwrap())];
        let c = parse("service=team user=ana", &env, None);
        assert_eq!(c.describe(), "postgres://ana@10.0.0.5:5433/corpus", "{c:?}");
        let e = ConnInfo::parse_with(
            "service=nope",
            &|k| (k == "PGSERVICEFILE").then(|| file.display().to_string()),
            None,
        )
        .unwrap_err();
        assert!(e.to_string().contains("service \"nope\""), "{e}");
        assert!(matches!(
            ConnInfo::parse_with("hots=x", &|_| None, None),
            Err(ConnInfoError::Unknown(k)) if k == "hots"
        ));
        assert!(ConnInfo::parse_with("sslmode=maybe", &|_| None, None).is_err());
        assert!(ConnInfo::parse_with("host", &|_| None, None).is_err());
        assert!(is_server_url("postgres://x/y") && is_server_url("service=team"));
        assert!(!is_server_url("library.gpkg"));
    }
}
