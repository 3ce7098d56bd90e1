//! The one way newsmap reads and writes files: reads stop at a size cap, writes go to a temporary
//! file beside the target and are renamed over it.
//!
//! [`write_file`] is used for everything newsmap writes (`extract -o`, Save, kept datasets, the
//! session). Its rules, all of them:
//! * the bytes go to a temporary file in the target's own directory, which is flushed to disk
//!   (`fsync`) and renamed over the target; the directory is then flushed too, so a crash or a
//!   `kill -9` at any moment leaves the old file or the new one, never a mix or neither;
//! * a symbolic link is written through: its final target is replaced, the link stays;
//! * only a regular file is ever replaced: a directory, device node, FIFO or socket is refused
//!   (`-o /dev/null` must never replace the system's `/dev/null`);
//! * a file with several hard links is refused, since a rename would split them apart;
//! * a file the same command reads (`inputs`) is refused, whatever path names it;
//! * an existing file keeps its permissions (and its owner and group where the system lets us);
//!   a new file gets 0666 minus the umask, like any other program's output;
//! * every error names the target as the user gave it, never the temporary file.
//!
//! [`read_capped`] reads at most a cap and says so when there is more, so `/dev/zero` or an
//! endless pipe stops with a clear message instead of filling memory.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Article text read from a local file or a URL is capped at this many bytes by default
/// (`newsmap extract --max-bytes` changes it for local files).
pub const MAX_ARTICLE_BYTES: usize = 10_000_000;

/// Dataset files are capped at this many bytes: far above any real dataset, low enough that a
/// device or an endless pipe given as a dataset stops.
pub const MAX_DATASET_BYTES: usize = 512 * 1024 * 1024;

/// Why a file could not be written. `Display` starts with the target as given.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The system refused (no such folder, no permission, disk full…).
    #[error("{file}: cannot write it: {source}")]
    Io {
        /// The target.
        file: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The target exists and is not a regular file.
    #[error("{file}: is {what}, not a regular file; newsmap only replaces regular files")]
    NotRegular {
        /// The target.
        file: String,
        /// "a directory", "a FIFO", "a character device"…
        what: &'static str,
    },
    /// The target is a file the same command reads.
    #[error("{file}: is an input of this command ({input}); writing it would destroy it")]
    Input {
        /// The target.
        file: String,
        /// The input it is.
        input: String,
    },
    /// The target has several hard links, which replacing it would split apart.
    #[error(
        "{file}: has {links} hard links; replacing it would separate them, so write to another file"
    )]
    HardLinks {
        /// The target.
        file: String,
        /// Its link count.
        links: u64,
    },
    /// Symbolic links that lead round in a circle or too deep.
    #[error("{file}: its symbolic links go round in a loop or too deep")]
    SymlinkLoop {
        /// The target.
        file: String,
    },
}

/// Why a file could not be read. `Display` starts with the file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The system refused, or the path is a directory.
    #[error("{file}: cannot read it: {source}")]
    Io {
        /// The file.
        file: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// More bytes than the cap.
    #[error("{file}: is larger than {}{}", size_words(*max), if *pipe { " (it never ends: a device or pipe?)" } else { "" })]
    TooLarge {
        /// The file.
        file: String,
        /// The cap.
        max: usize,
        /// True when the file is not a regular file (a device or a pipe that may never end).
        pipe: bool,
    },
}

/// "10 MB", "512 MB", "300 bytes".
pub fn size_words(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", bytes / 1_000_000)
    } else if bytes >= 1_000 {
        format!("{} KB", bytes / 1_000)
    } else {
        format!("{bytes} bytes")
    }
}

/// Why bytes are not text newsmap can read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TextProblem {
    /// Neither UTF-8 nor UTF-16.
    #[error("is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Marked or shaped as UTF-16, but not valid UTF-16.
    #[error("looks like UTF-16 ({order}) but is not valid UTF-16; save it as UTF-8")]
    BadUtf16 {
        /// "little-endian" or "big-endian".
        order: &'static str,
    },
    /// A NUL byte: binary data, not text.
    #[error("contains a NUL byte at offset {offset}: a binary file, not text")]
    Nul {
        /// Byte offset of the first NUL in the file.
        offset: usize,
    },
}

/// The text in `bytes`: UTF-8 (a byte-order mark is skipped), or UTF-16 with a byte-order mark
/// or with the zero bytes of mostly-ASCII UTF-16 text, decoded to UTF-8. A NUL anywhere makes
/// it binary, not text.
pub fn text_from_bytes(bytes: &[u8]) -> Result<String, TextProblem> {
    let utf16 = match bytes {
        [0xFF, 0xFE, ..] => Some((encoding_rs::UTF_16LE, &bytes[2..], "little-endian")),
        [0xFE, 0xFF, ..] => Some((encoding_rs::UTF_16BE, &bytes[2..], "big-endian")),
        _ => utf16_without_bom(bytes).map(|(enc, order)| (enc, bytes, order)),
    };
    if let Some((encoding, body, order)) = utf16 {
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or(TextProblem::BadUtf16 { order })?;
        if let Some(at) = text.find('\0') {
            return Err(TextProblem::Nul {
                // Two bytes per code unit before it, near enough for a file that is not text.
                offset: at * 2,
            });
        }
        return Ok(text.into_owned());
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let skipped = bytes.len() - body.len();
    if let Some(at) = body.iter().position(|&b| b == 0) {
        return Err(TextProblem::Nul {
            offset: at + skipped,
        });
    }
    match std::str::from_utf8(body) {
        Ok(t) => Ok(t.to_owned()),
        Err(e) => Err(TextProblem::NotUtf8 {
            offset: e.valid_up_to() + skipped,
        }),
    }
}

/// UTF-16 without a byte-order mark, told by its zero bytes: in mostly-ASCII text every other
/// byte is zero, on one side only.
fn utf16_without_bom(bytes: &[u8]) -> Option<(&'static encoding_rs::Encoding, &'static str)> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd * 10 >= pairs * 7 && even * 20 <= pairs {
        Some((encoding_rs::UTF_16LE, "little-endian"))
    } else if even * 10 >= pairs * 7 && odd * 20 <= pairs {
        Some((encoding_rs::UTF_16BE, "big-endian"))
    } else {
        None
    }
}

/// Reads a whole file, but never more than `max` bytes: a larger file (or an endless device or
/// pipe) is an error that says so.
pub fn read_capped(path: &Path, max: usize) -> Result<Vec<u8>, ReadError> {
    let file = path.display().to_string();
    let io = |source| ReadError::Io {
        file: file.clone(),
        source,
    };
    let f = File::open(path).map_err(io)?;
    let meta = f.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "it is a directory",
        )));
    }
    let regular = meta.is_file();
    if regular && meta.len() > max as u64 {
        return Err(ReadError::TooLarge {
            file,
            max,
            pipe: false,
        });
    }
    let mut bytes = Vec::with_capacity(if regular {
        meta.len() as usize
    } else {
        64 * 1024
    });
    // One byte more than allowed tells "exactly the cap" from "more than the cap".
    f.take(max as u64 + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() > max {
        return Err(ReadError::TooLarge {
            file,
            max,
            pipe: !regular,
        });
    }
    Ok(bytes)
}

/// Writes `bytes` to `target` by the rules of this module (see its documentation). `inputs` are
/// the files the same command reads; none of them may be the target.
pub fn write_file(target: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<(), WriteError> {
    write_file_with(target, inputs, |f| f.write_all(bytes))
}

/// [`write_file`] for output made as it is written (`fill` writes it into the temporary file):
/// the target is replaced only when `fill` succeeds.
pub fn write_file_with(
    target: &Path,
    inputs: &[&Path],
    fill: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let file = target.display().to_string();
    let io = |source| WriteError::Io {
        file: file.clone(),
        source,
    };
    let (real, existing) = resolve_links(target).map_err(|e| match e {
        Resolve::Loop => WriteError::SymlinkLoop { file: file.clone() },
        Resolve::Io(source) => io(source),
    })?;
    if let Some(meta) = &existing {
        if !meta.is_file() {
            return Err(WriteError::NotRegular {
                file,
                what: kind_of(meta),
            });
        }
        for input in inputs {
            if same_file(meta, &real, input) {
                return Err(WriteError::Input {
                    file,
                    input: input.display().to_string(),
                });
            }
        }
        let links = link_count(meta);
        if links > 1 {
            return Err(WriteError::HardLinks { file, links });
        }
    }
    let dir = match real.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| {
            io(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "it names no file",
            ))
        })?;
    let (tmp_path, mut tmp) = create_temp(&dir, &name).map_err(io)?;
    let written = (|| {
        if let Some(meta) = &existing {
            keep_owner_and_mode(&tmp, meta)?;
        }
        fill(&mut tmp)?;
        tmp.sync_all()?;
        drop(tmp);
        std::fs::rename(&tmp_path, &real)
    })();
    if let Err(e) = written {
        // The temporary file is ours and useless now; if even removing it fails, the error
        // that matters is the one above.
        std::fs::remove_file(&tmp_path).unwrap_or(());
        return Err(io(e));
    }
    sync_dir(&dir).map_err(io)
}

enum Resolve {
    Loop,
    Io(std::io::Error),
}

/// Follows symbolic links to the path that is really written, with its metadata when it exists.
fn resolve_links(target: &Path) -> Result<(PathBuf, Option<std::fs::Metadata>), Resolve> {
    let mut p = target.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = std::fs::read_link(&p).map_err(Resolve::Io)?;
                p = if link.is_absolute() {
                    link
                } else {
                    p.parent().unwrap_or(Path::new("")).join(link)
                };
            }
            Ok(m) => return Ok((p, Some(m))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((p, None)),
            Err(e) => return Err(Resolve::Io(e)),
        }
    }
    Err(Resolve::Loop)
}

/// A new temporary file in `dir`, named after the target so a leftover is recognisable. Opened
/// with mode 0666 so the umask decides a new file's permissions, as for any program's output.
fn create_temp(dir: &Path, name: &str) -> std::io::Result<(PathBuf, File)> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let short: String = name.chars().take(40).collect();
    loop {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(
            ".{short}.{}-{n}-{nanos:x}.newsmap-tmp",
            std::process::id()
        ));
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o666);
        }
        match opts.open(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(unix)]
fn keep_owner_and_mode(tmp: &File, meta: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let mine = tmp.metadata()?;
    if mine.uid() != meta.uid() || mine.gid() != meta.gid() {
        // Root can give the file back to its owner; a user can at most keep the group. When
        // neither is allowed the file becomes ours, as with any editor that saves by renaming.
        if std::os::unix::fs::fchown(tmp, Some(meta.uid()), Some(meta.gid())).is_err() {
            std::os::unix::fs::fchown(tmp, None, Some(meta.gid())).unwrap_or(());
        }
    }
    // After chown, which may clear set-id bits.
    tmp.set_permissions(meta.permissions())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(tmp: &File, meta: &std::fs::Metadata) -> std::io::Result<()> {
    tmp.set_permissions(meta.permissions())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    match File::open(dir).and_then(|d| d.sync_all()) {
        // Some file systems cannot flush a directory; the rename is done all the same.
        Err(e) if matches!(e.raw_os_error(), Some(22) | Some(95)) => Ok(()),
        other => other,
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    if meta.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

#[cfg(unix)]
fn link_count(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn link_count(_meta: &std::fs::Metadata) -> u64 {
    1
}

/// True when `input` is the file `target` (already resolved, with metadata `meta`) by identity:
/// the same device and inode, whatever the paths look like.
#[cfg(unix)]
fn same_file(meta: &std::fs::Metadata, _target: &Path, input: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(input).is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
}

#[cfg(not(unix))]
fn same_file(_meta: &std::fs::Metadata, target: &Path, input: &Path) -> bool {
    match (std::fs::canonicalize(target), std::fs::canonicalize(input)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn writes_replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.json");
        write_file(&p, b"one", &[]).unwrap();
        write_file(&p, b"two", &[]).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_the_mode_of_an_existing_file_and_new_files_follow_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("shared.json");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o664)).unwrap();
        write_file(&p, b"new", &[]).unwrap();
        assert_eq!(mode(&p), 0o664);
        // A new file: what a plain create gives under this process's umask (never 0600 unless
        // the umask says so).
        let probe = dir.path().join("probe");
        {
            use std::os::unix::fs::OpenOptionsExt;
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o666)
                .open(&probe)
                .unwrap();
        }
        let fresh = dir.path().join("fresh.json");
        write_file(&fresh, b"x", &[]).unwrap();
        assert_eq!(mode(&fresh), mode(&probe));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_special_files_and_directories() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_file(dir.path(), b"x", &[]).unwrap_err().to_string();
        assert!(err.contains("is a directory"), "{err}");
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let err = write_file(&fifo, b"x", &[]).unwrap_err().to_string();
        assert!(err.contains("FIFO"), "{err}");
        use std::os::unix::fs::FileTypeExt;
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo(),
            "the FIFO is still there"
        );
        let err = write_file(Path::new("/dev/null"), b"x", &[])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("/dev/null: is a character device"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_symlinks_and_refuses_inputs_and_hard_links() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        write_file(&link, b"new", &[]).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        // A dangling link creates its target.
        let dangling = dir.path().join("dangling.json");
        std::os::unix::fs::symlink("made.json", &dangling).unwrap();
        write_file(&dangling, b"made", &[]).unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("made.json")).unwrap(),
            b"made"
        );
        // The input, by another name.
        let err = write_file(&link, b"x", &[&real]).unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("{}: is an input", link.display())),
            "{err}"
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        // Hard links.
        let hard = dir.path().join("hard.json");
        std::fs::hard_link(&real, &hard).unwrap();
        let err = write_file(&hard, b"x", &[]).unwrap_err().to_string();
        assert!(err.contains("2 hard links"), "{err}");
        // A loop.
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let err = write_file(&a, b"x", &[]).unwrap_err().to_string();
        assert!(err.contains("loop"), "{err}");
    }

    #[test]
    fn errors_name_the_target_not_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("no-such-folder").join("out.json");
        let err = write_file(&p, b"x", &[]).unwrap_err().to_string();
        assert!(err.starts_with(&p.display().to_string()), "{err}");
        assert!(!err.contains("newsmap-tmp"), "{err}");
    }

    #[test]
    fn text_in_utf8_with_a_bom_and_utf16_either_way() {
        assert_eq!(text_from_bytes(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Seoul — 서울".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(text_from_bytes(&le).unwrap(), "Seoul — 서울");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Tokyo".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(text_from_bytes(&be).unwrap(), "Tokyo");
        let bare: Vec<u8> = "Leaders met in Hanoi."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(text_from_bytes(&bare).unwrap(), "Leaders met in Hanoi.");
        // An unpaired surrogate after a BOM.
        assert_eq!(
            text_from_bytes(&[0xFF, 0xFE, 0x00, 0xD8, b'a', 0]),
            Err(TextProblem::BadUtf16 {
                order: "little-endian"
            })
        );
    }

    #[test]
    fn a_nul_anywhere_is_binary() {
        let mut late = "word ".repeat(4000).into_bytes();
        late.push(0);
        assert_eq!(
            text_from_bytes(&late),
            Err(TextProblem::Nul { offset: 20000 })
        );
        assert_eq!(
            text_from_bytes(b"caf\xe9"),
            Err(TextProblem::NotUtf8 { offset: 3 })
        );
    }

    #[test]
    fn reads_stop_at_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "12345").unwrap();
        assert_eq!(read_capped(&p, 5).unwrap(), b"12345");
        let err = read_capped(&p, 4).unwrap_err().to_string();
        assert!(err.contains("is larger than 4 bytes"), "{err}");
        #[cfg(unix)]
        {
            let err = read_capped(Path::new("/dev/zero"), 1000)
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("larger than 1 KB") && err.contains("never ends"),
                "{err}"
            );
        }
        let err = read_capped(dir.path(), 10).unwrap_err().to_string();
        assert!(err.contains("directory"), "{err}");
    }
}
