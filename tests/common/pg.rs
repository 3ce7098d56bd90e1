//! A throwaway PostgreSQL + PostGIS cluster on 127.0.0.1 for the server tests and benchmark:
//! `initdb` into a temporary folder, `pg_ctl start` on a free port, stopped (immediately) and
//! deleted when dropped. As root the server runs as the `postgres` user (`runuser`), which
//! initdb insists on.

#![allow(dead_code)] // each user needs a different part

use std::path::{Path, PathBuf};
use std::process::Command;

/// A running test cluster.
pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    /// The port it listens on (127.0.0.1).
    pub port: u16,
    as_postgres: bool,
    ssl: bool,
}

/// Where the PostgreSQL server binaries are: `NEWSMAP_PG_BIN`, else the newest
/// `/usr/lib/postgresql/N/bin` with `initdb` in it.
pub fn pg_bin() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("NEWSMAP_PG_BIN") {
        let dir = PathBuf::from(dir);
        return if dir.join("initdb").exists() {
            Ok(dir)
        } else {
            Err(format!("NEWSMAP_PG_BIN={} has no initdb", dir.display()))
        };
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((v, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, b)| b).ok_or_else(|| {
        "no PostgreSQL server binaries (initdb) in /usr/lib/postgresql/*/bin: install \
         `postgresql postgresql-15-postgis-3` (apt-get) or set NEWSMAP_PG_BIN"
            .to_owned()
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

impl Cluster {
    /// Starts a cluster with the `newsmap` database and PostGIS in it; TLS on when `ssl`
    /// (a test CA `ca.crt` signs a certificate for localhost and 127.0.0.1).
    pub fn start(ssl: bool) -> Result<Cluster, String> {
        let bin = pg_bin()?;
        let as_postgres = is_root();
        let mut errors = Vec::new();
        // Another process may take the free port before the server binds it: try again.
        for _ in 0..3 {
            let dir = tempfile::Builder::new()
                .prefix("newsmap-pg-")
                .tempdir()
                .map_err(|e| format!("temp dir: {e}"))?;
            let cluster = Cluster {
                dir,
                bin: bin.clone(),
                port: free_port()?,
                as_postgres,
                ssl,
            };
            match cluster.init_and_start() {
                Ok(()) => return Ok(cluster),
                Err(e) => errors.push(e),
            }
        }
        Err(errors.join("\n"))
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    /// The folder the cluster lives in (its socket and test certificates are there).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Runs a server binary (as `postgres` when we are root); its output on failure.
    fn run(&self, tool: &str, args: &[&str]) -> Result<String, String> {
        let path = self.bin.join(tool);
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&path);
            c
        } else {
            Command::new(&path)
        };
        let out = cmd
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .map_err(|e| format!("cannot run {}: {e}", path.display()))?;
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if out.status.success() {
            Ok(text)
        } else {
            Err(format!("{tool} {}: {text}", args.join(" ")))
        }
    }

    fn init_and_start(&self) -> Result<(), String> {
        let root = self.dir.path();
        if self.as_postgres {
            let ok = Command::new("chown")
                .args(["-R", "postgres:"])
                .arg(root)
                .status()
                .map_err(|e| format!("chown: {e}"))?;
            if !ok.success() {
                return Err("chown to the postgres user failed (is there a postgres user?)".into());
            }
        }
        self.run(
            "initdb",
            &[
                "-D",
                &self.data(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-sync",
            ],
        )?;
        let mut opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            root.display()
        );
        if self.ssl {
            self.make_certificates()?;
            opts.push_str(&format!(
                " -c ssl=on -c ssl_cert_file={0}/server.crt -c ssl_key_file={0}/server.key",
                root.display()
            ));
        }
        let log = root.join("log").display().to_string();
        self.run(
            "pg_ctl",
            &["-D", &self.data(), "-l", &log, "-o", &opts, "-w", "start"],
        )
        .map_err(|e| {
            let log = std::fs::read_to_string(root.join("log")).unwrap_or_default();
            format!("{e}\n{log}")
        })?;
        self.psql("postgres", "CREATE DATABASE newsmap")?;
        self.psql("newsmap", "CREATE EXTENSION postgis")?;
        Ok(())
    }

    fn make_certificates(&self) -> Result<(), String> {
        let d = self.dir.path();
        let openssl = |args: &[&str]| -> Result<(), String> {
            let out = Command::new("openssl")
                .args(args)
                .current_dir(d)
                .output()
                .map_err(|e| format!("cannot run openssl: {e}"))?;
            if out.status.success() {
                Ok(())
            } else {
                Err(format!(
                    "openssl {}: {}",
                    args.join(" "),
                    String::from_utf8_lossy(&out.stderr)
                ))
            }
        };
        std::fs::write(
            d.join("san.ext"),
            "subjectAltName=DNS:localhost,IP:127.0.0.1\n",
        )
        .map_err(|e| e.to_string())?;
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.crt",
            "-subj",
            "/CN=newsmap test CA",
            "-days",
            "2",
        ])?;
        openssl(&[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=localhost",
        ])?;
        openssl(&[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.crt",
            "-days",
            "2",
            "-extfile",
            "san.ext",
        ])?;
        let key = d.join("server.key");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600))
                .map_err(|e| e.to_string())?;
        }
        if self.as_postgres {
            Command::new("chown")
                .args(["-R", "postgres:"])
                .arg(d)
                .status()
                .map_err(|e| format!("chown: {e}"))?;
        }
        Ok(())
    }

    /// Runs SQL as the superuser through the socket.
    pub fn psql(&self, db: &str, sql: &str) -> Result<String, String> {
        let host = self.dir.path().display().to_string();
        let port = self.port.to_string();
        self.run(
            "psql",
            &[
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                &host,
                "-p",
                &port,
                "-U",
                "postgres",
                "-d",
                db,
                "-At",
                "-c",
                sql,
            ],
        )
    }

    /// A URL for `user` on the `newsmap` database over TCP, TLS off.
    pub fn url(&self) -> String {
        format!(
            "postgres://postgres@127.0.0.1:{}/newsmap?sslmode=disable",
            self.port
        )
    }

    /// A URL for `user` with `params` (`sslmode=…&…`).
    pub fn url_with(&self, user: &str, host: &str, params: &str) -> String {
        format!("postgres://{user}@{host}:{}/newsmap?{params}", self.port)
    }

    /// Stops the server at once, as a crash would.
    pub fn stop(&self) {
        let _ = self.run(
            "pg_ctl",
            &["-D", &self.data(), "-m", "immediate", "-w", "stop"],
        );
    }

    /// Starts it again after [`Cluster::stop`].
    pub fn restart(&self) -> Result<(), String> {
        let root = self.dir.path();
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            root.display()
        );
        let log = root.join("log").display().to_string();
        self.run(
            "pg_ctl",
            &["-D", &self.data(), "-l", &log, "-o", &opts, "-w", "start"],
        )
        .map(|_| ())
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.stop();
    }
}

fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}
