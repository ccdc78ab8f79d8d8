//! A one-shot HTTP server on 127.0.0.1 for the download tests: answers a single request with a
//! scripted reply, then stops. It gives up by itself after a few seconds if nobody connects.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// How long the server waits for its one connection before giving up.
const ACCEPT_DEADLINE: Duration = Duration::from_secs(20);

/// The scripted response.
pub struct Reply {
    status: &'static str,
    body: Vec<u8>,
}

impl Reply {
    /// `200 OK` with `body`.
    pub fn ok(body: &[u8]) -> Self {
        Reply {
            status: "200 OK",
            body: body.to_vec(),
        }
    }

    /// `404 Not Found` with a short text body, like raw.githubusercontent.com.
    pub fn not_found() -> Self {
        Reply {
            status: "404 Not Found",
            body: b"404: Not Found".to_vec(),
        }
    }
}

/// A running one-shot server.
pub struct Server {
    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub base_url: String,
    request_line: mpsc::Receiver<String>,
}

impl Server {
    /// The request line the server received (e.g. `GET /x HTTP/1.1`); waits for it.
    pub fn request_line(&self) -> String {
        self.request_line
            .recv_timeout(ACCEPT_DEADLINE)
            .expect("the test server saw no request")
    }
}

/// Starts a server answering one request with `reply`.
pub fn serve_once(reply: Reply) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let base_url = format!("http://{}", listener.local_addr().expect("local addr"));
    listener.set_nonblocking(true).expect("nonblocking");
    let (sender, request_line) = mpsc::channel();
    thread::spawn(move || {
        let started = Instant::now();
        let stream = loop {
            match listener.accept() {
                Ok((stream, _)) => break stream,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    if started.elapsed() > ACCEPT_DEADLINE {
                        return;
                    }
                    thread::sleep(Duration::from_millis(5));
                }
                Err(_) => return,
            }
        };
        let _ = stream.set_nonblocking(false);
        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
        let mut reader = BufReader::new(stream);
        let mut first = String::new();
        let mut line = String::new();
        while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
            if first.is_empty() {
                first = line.trim_end().to_string();
            }
            if line == "\r\n" {
                break;
            }
            line.clear();
        }
        let mut stream = reader.into_inner();
        let head = format!(
            "HTTP/1.1 {}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            reply.status,
            reply.body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(&reply.body);
        let _ = stream.flush();
        let _ = sender.send(first);
    });
    Server {
        base_url,
        request_line,
    }
}
