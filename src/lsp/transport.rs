//! The bytes between the editor and the server: LSP's frames (`Content-Length: N`, a blank line, N
//! bytes of JSON) read within bounds. lsp_server's own reader trusts the length and allocates it
//! before reading a byte, so `Content-Length: 99999999999` aborted the process; here a frame over
//! [`MAX_MESSAGE_BYTES`], or a header line over [`MAX_HEADER_LINE`], is refused before anything is
//! allocated for it, and the body is read through a bound.

use lsp_server::{Connection, Message};
use std::io::{BufRead, Read, Write};

/// The largest message read: far above any document bdl reads (8 MiB, in JSON with its escapes).
pub const MAX_MESSAGE_BYTES: u64 = 64 << 20;
/// The longest header line read.
pub const MAX_HEADER_LINE: u64 = 8 << 10;

/// Why the server stopped reading its input.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    #[error(
        "a message of {0} bytes (Content-Length) is more than the {MAX_MESSAGE_BYTES} bytes bdl lsp reads"
    )]
    TooLarge(u64),
    #[error("malformed message: {0}")]
    Malformed(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Reads one message; `None` at the end of the input between messages.
pub fn read_message(inp: &mut impl BufRead) -> Result<Option<Message>, FrameError> {
    let mut length: Option<u64> = None;
    let mut first = true;
    loop {
        let mut line = Vec::new();
        inp.by_ref()
            .take(MAX_HEADER_LINE + 1)
            .read_until(b'\n', &mut line)?;
        if line.is_empty() && first {
            return Ok(None);
        }
        first = false;
        let Some(text) = line.strip_suffix(b"\r\n") else {
            let why = if line.len() as u64 > MAX_HEADER_LINE {
                format!("a header line longer than {MAX_HEADER_LINE} bytes")
            } else {
                format!(
                    "a header line not ended by CR LF: {:?}",
                    String::from_utf8_lossy(&line)
                )
            };
            return Err(FrameError::Malformed(why));
        };
        if text.is_empty() {
            break;
        }
        let text = String::from_utf8_lossy(text);
        let Some((name, value)) = text.split_once(": ") else {
            return Err(FrameError::Malformed(format!(
                "a header without a value: {text:?}"
            )));
        };
        if name.eq_ignore_ascii_case("Content-Length") {
            let n = value.trim().parse::<u64>().map_err(|_| {
                FrameError::Malformed(format!("Content-Length is not a number: {value:?}"))
            })?;
            if n > MAX_MESSAGE_BYTES {
                return Err(FrameError::TooLarge(n));
            }
            length = Some(n);
        }
    }
    let Some(length) = length else {
        return Err(FrameError::Malformed("no Content-Length".to_string()));
    };
    let mut body = Vec::new();
    inp.by_ref().take(length).read_to_end(&mut body)?;
    if (body.len() as u64) < length {
        return Err(FrameError::Malformed(format!(
            "the input ended {} bytes into a message of {length}",
            body.len()
        )));
    }
    serde_json::from_slice(&body)
        .map(Some)
        .map_err(|e| FrameError::Malformed(format!("not a JSON-RPC message: {e}")))
}

/// The threads that carry messages between standard input and output and the server's connection.
pub struct Io {
    /// Why the reader stopped, when it stopped on bad input: set before it lets go of the channel, so
    /// the server, which returns once the channel is closed, finds it set.
    refused: std::sync::Arc<std::sync::Mutex<Option<FrameError>>>,
    writer: std::thread::JoinHandle<std::io::Result<()>>,
}

/// A connection over standard input and output, read through [`read_message`].
pub fn stdio() -> (Connection, Io) {
    let (server, client) = Connection::memory();
    let Connection { sender, receiver } = client;
    let refused = std::sync::Arc::new(std::sync::Mutex::new(None));
    let reader_refused = refused.clone();
    // Not joined: after `exit` it has ended; otherwise it may wait on input that never comes.
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        let mut stdin = stdin.lock();
        let read = (|| -> Result<(), FrameError> {
            while let Some(message) = read_message(&mut stdin)? {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if sender.send(message).is_err() || exit {
                    break;
                }
            }
            Ok(())
        })();
        if let Err(e) = read {
            *reader_refused
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(e);
        }
        drop(sender);
    });
    let writer = std::thread::spawn(move || {
        let stdout = std::io::stdout();
        let mut stdout = stdout.lock();
        for message in receiver {
            message.write(&mut stdout)?;
            stdout.flush()?;
        }
        Ok(())
    });
    (server, Io { refused, writer })
}

impl FrameError {
    /// Why, for people, in either language.
    pub fn text(&self) -> crate::messages::Text {
        match self {
            FrameError::TooLarge(n) => {
                crate::messages::lsp_message_too_large(*n, MAX_MESSAGE_BYTES)
            }
            FrameError::Malformed(why) => crate::messages::lsp_malformed_message(why),
            FrameError::Io(e) => crate::messages::io_reason(e),
        }
    }
}

impl Io {
    /// Waits for the output to be written, and gives why reading stopped when it stopped on bad input.
    /// Call once the server has returned (and dropped its connection): the writer then ends.
    pub fn finish(self) -> Result<(), FrameError> {
        let written = self
            .writer
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the writer stopped")));
        let refused = self
            .refused
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        match refused {
            Some(e) => Err(e),
            None => written.map_err(FrameError::Io),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<Option<Message>, FrameError> {
        read_message(&mut std::io::Cursor::new(bytes))
    }

    #[test]
    fn frames_are_read_within_bounds() {
        let body = br#"{"jsonrpc":"2.0","method":"exit"}"#;
        let mut framed = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        framed.extend_from_slice(body);
        assert!(matches!(read(&framed), Ok(Some(Message::Notification(_)))));
        assert!(matches!(read(b""), Ok(None)));
        assert!(matches!(
            read(b"Content-Length: 99999999999\r\n\r\n"),
            Err(FrameError::TooLarge(99_999_999_999))
        ));
        // Each refusal for its own reason.
        let why = |bytes: &[u8]| match read(bytes) {
            Err(FrameError::Malformed(why)) => why,
            other => panic!("{other:?}"),
        };
        assert!(
            why(b"Content-Length: 10\r\n\r\n{}").contains("ended 2 bytes into a message of 10")
        );
        assert!(why(&[b'x'; 20_000]).contains("longer than"));
        assert_eq!(why(b"Content-Type: x\r\n\r\n"), "no Content-Length");
    }
}
