//! A fake Redis server on loopback that answers every command with the same
//! chosen bytes: a hostile (or compromised) server, for the tests that check
//! what its replies can do to the client's error texts.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;

/// The server; it runs until the test process ends.
pub struct HostileRedis {
    port: u16,
}

impl HostileRedis {
    /// Starts a server answering each command with `reply` (raw RESP bytes).
    pub fn start(reply: &[u8]) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let reply: Arc<[u8]> = Arc::from(reply);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let reply = Arc::clone(&reply);
                std::thread::spawn(move || serve(stream, &reply));
            }
        });
        HostileRedis { port }
    }

    /// `redis://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }
}

/// Reads commands (RESP arrays of bulk strings) and answers each with `reply`.
fn serve(stream: TcpStream, reply: &[u8]) {
    let Ok(mut writer) = stream.try_clone() else { return };
    let mut reader = BufReader::new(stream);
    while read_command(&mut reader).is_some() {
        if writer.write_all(reply).is_err() {
            return;
        }
    }
}

/// One command; `None` at the end of the stream or on anything unexpected.
fn read_command(reader: &mut BufReader<TcpStream>) -> Option<()> {
    let count: usize = header(reader, b'*')?;
    for _ in 0..count {
        let len: usize = header(reader, b'$')?;
        let mut data = vec![0; len + 2];
        reader.read_exact(&mut data).ok()?;
    }
    Some(())
}

/// A `<prefix><number>\r\n` line's number.
fn header(reader: &mut BufReader<TcpStream>, prefix: u8) -> Option<usize> {
    let mut line = Vec::new();
    reader.read_until(b'\n', &mut line).ok()?;
    let text = std::str::from_utf8(line.strip_prefix(&[prefix])?).ok()?;
    text.trim_end().parse().ok()
}
