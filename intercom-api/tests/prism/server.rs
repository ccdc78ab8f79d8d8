//! Starting the pinned Stoplight Prism (`conformance/`, installed by `npm ci --prefix
//! conformance`) on loopback, and stopping it by its PID when the guard drops — also when the
//! test panics.

use std::fs::File;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long Prism may take to load the spec and listen.
const START_TIMEOUT: Duration = Duration::from_secs(90);

/// A running `prism mock`; dropping it kills the process (by PID) and waits for it.
pub struct Prism {
    child: Child,
    log: PathBuf,
    /// `http://127.0.0.1:<port>`.
    pub base_url: String,
}

/// The repository's `conformance/` folder.
fn conformance_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../conformance")
}

impl Prism {
    /// Starts Prism on a free loopback port with the spec at `spec` and waits until it
    /// listens; panics with Prism's own log if it exits or does not listen in time.
    pub fn start(spec: &Path, work: &Path) -> Prism {
        let bin = conformance_dir().join("node_modules/.bin/prism");
        assert!(
            bin.is_file(),
            "{} not found: the conformance test needs the pinned Stoplight Prism; install it with \
             `npm ci --prefix conformance` from the repository root (needs Node 18+ and npm)",
            bin.display()
        );
        let port = free_port();
        let log = work.join("prism.log");
        let out = File::create(&log).expect("create the Prism log file");
        let err = out.try_clone().expect("clone the Prism log handle");
        let child = Command::new(&bin)
            .args(["mock", "-h", "127.0.0.1", "-p", &port.to_string()])
            .arg(spec)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", bin.display()));
        let mut prism = Prism {
            child,
            log,
            base_url: format!("http://127.0.0.1:{port}"),
        };
        prism.wait_listening(SocketAddr::from(([127, 0, 0, 1], port)));
        prism
    }

    /// The PID of the Prism process.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Prism's output so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_else(|e| format!("<no log: {e}>"))
    }

    fn wait_listening(&mut self, addr: SocketAddr) {
        let started = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "Prism exited ({status}) before listening; its log:\n{}",
                    self.log()
                );
            }
            if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                println!(
                    "prism (pid {}) listening on {} after {:.1} s",
                    self.pid(),
                    self.base_url,
                    started.elapsed().as_secs_f64()
                );
                return;
            }
            if started.elapsed() > START_TIMEOUT {
                panic!(
                    "Prism did not listen on {addr} within {START_TIMEOUT:?}; its log:\n{}",
                    self.log()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        // `Child::kill` signals this PID only (SIGKILL); `wait` reaps it.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A loopback port nobody listens on right now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("bind a free loopback port")
}
