//! A TCP proxy on loopback that injects faults into a server's replies:
//! delays them, drips them a byte at a time, or drops the connections.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the proxy does to the server's replies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Forwards them.
    Pass,
    /// Holds each reply chunk for the delay, then forwards it.
    Delay,
    /// Forwards one byte every 250 ms.
    Drip,
    /// Closes every connection, open and new.
    Drop,
}

pub struct FaultProxy {
    pub address: String,
    mode: Arc<AtomicU8>,
    delay_ms: Arc<AtomicU64>,
    open: Arc<Mutex<Vec<TcpStream>>>,
}

impl FaultProxy {
    /// A proxy to `upstream` (`host:port`), passing everything.
    pub fn start(upstream: &str) -> FaultProxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap().to_string();
        let mode = Arc::new(AtomicU8::new(Mode::Pass as u8));
        let delay_ms = Arc::new(AtomicU64::new(0));
        let open = Arc::new(Mutex::new(Vec::new()));
        let (upstream, m, d, o) = (
            upstream.to_owned(),
            Arc::clone(&mode),
            Arc::clone(&delay_ms),
            Arc::clone(&open),
        );
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                if m.load(Ordering::SeqCst) == Mode::Drop as u8 {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                }
                let Ok(server) = TcpStream::connect(&upstream) else {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                };
                let _ = client.set_nodelay(true);
                let _ = server.set_nodelay(true);
                {
                    let mut open = o.lock().unwrap();
                    open.push(client.try_clone().unwrap());
                    open.push(server.try_clone().unwrap());
                }
                let (mut c_read, mut s_write) = (client.try_clone().unwrap(), server.try_clone().unwrap());
                std::thread::spawn(move || {
                    let _ = std::io::copy(&mut c_read, &mut s_write);
                    let _ = s_write.shutdown(Shutdown::Both);
                });
                let (mut s_read, mut c_write, m, d) = (server, client, Arc::clone(&m), Arc::clone(&d));
                std::thread::spawn(move || {
                    let mut buffer = [0u8; 16 * 1024];
                    loop {
                        let n = match s_read.read(&mut buffer) {
                            Ok(0) | Err(_) => break,
                            Ok(n) => n,
                        };
                        let ok = match m.load(Ordering::SeqCst) {
                            x if x == Mode::Delay as u8 => {
                                std::thread::sleep(Duration::from_millis(d.load(Ordering::SeqCst)));
                                c_write.write_all(&buffer[..n]).is_ok()
                            }
                            x if x == Mode::Drip as u8 => buffer[..n].iter().all(|byte| {
                                std::thread::sleep(Duration::from_millis(250));
                                c_write.write_all(std::slice::from_ref(byte)).is_ok()
                            }),
                            x if x == Mode::Drop as u8 => false,
                            _ => c_write.write_all(&buffer[..n]).is_ok(),
                        };
                        if !ok {
                            break;
                        }
                    }
                    let _ = c_write.shutdown(Shutdown::Both);
                    let _ = s_read.shutdown(Shutdown::Both);
                });
            }
        });
        FaultProxy {
            address,
            mode,
            delay_ms,
            open,
        }
    }

    pub fn set(&self, mode: Mode) {
        self.mode.store(mode as u8, Ordering::SeqCst);
        if mode == Mode::Drop {
            for stream in self.open.lock().unwrap().drain(..) {
                let _ = stream.shutdown(Shutdown::Both);
            }
        }
    }

    pub fn delay(&self, delay: Duration) {
        self.delay_ms.store(delay.as_millis() as u64, Ordering::SeqCst);
        self.set(Mode::Delay);
    }

    pub fn port(&self) -> u16 {
        self.address.rsplit(':').next().unwrap().parse().unwrap()
    }
}
