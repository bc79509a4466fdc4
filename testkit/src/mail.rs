//! The local SMTP server (mailsink/, PyPI aiosmtpd: a real SMTP server) for the tests and
//! benchmarks of notices (issue 23): started on a free port, writing what it receives to a
//! directory, stopped when dropped.
use std::path::PathBuf;
use std::process::{Child, Command};

/// The local SMTP server, on a free port, writing what it receives to a directory.
pub struct Sink {
    child: Child,
    dir: PathBuf,
    port: u16,
}

impl Sink {
    pub fn start() -> Sink {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let python = root.join("mailsink/.venv/bin/python");
        assert!(
            python.exists(),
            "{} is missing: run scripts/setup.sh",
            python.display()
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = std::env::temp_dir().join(format!("jobspor-mail-{port}-{}", std::process::id()));
        let child = Command::new(python)
            .arg(root.join("mailsink/sink.py"))
            .args(["--port", &port.to_string(), "--dir"])
            .arg(&dir)
            .spawn()
            .unwrap();
        // Owned by the sink from here: dropping it stops and reaps the process.
        let sink = Sink { child, dir, port };
        for _ in 0..200 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return sink;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("the SMTP server did not start on port {port}");
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// How many mails it received.
    pub fn count(&self) -> usize {
        std::fs::read_dir(&self.dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                    .count()
            })
            .unwrap_or(0)
    }

    /// What it received, in order: each mail decoded.
    pub fn received(&self) -> Vec<serde_json::Value> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap())
            .collect()
    }

    /// While on, the server answers every mail with a temporary failure.
    pub fn refuse(&self, on: bool) {
        let flag = self.dir.join("REFUSE");
        if on {
            std::fs::write(flag, b"").unwrap();
        } else {
            let _ = std::fs::remove_file(flag);
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
