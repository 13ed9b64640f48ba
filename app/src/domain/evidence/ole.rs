//! Minimal reading of OLE compound files ([MS-CFB]), the container of the old Office formats and
//! Outlook `.msg`: the sector allocation table and the directory, enough to list the streams and
//! storages at the top level. Every chain and tree walk is bounded, so loops in a hostile file end.
//!
//! The top level (the root storage's children) decides the type, so a Word document embedded in
//! an email's attachment storage does not make the email a Word document.
//!
//! Macros anywhere refuse the file (an email or document carrying a macro document too): a VBA
//! project's storages and streams at any depth ([MS-OVBA] 2.2: `VBA`, `_VBA_PROJECT`; Word's
//! `Macros` and Excel's `_VBA_PROJECT_CUR` that hold them), PowerPoint's VBA, which lives
//! compressed inside the PowerPoint Document stream and is found by its `VBAInfoContainer` record
//! ([MS-PPT] 2.4.11), and Excel 4 macro sheets and Excel 5 modules, by their sheet type in the
//! workbook's `BoundSheet8` records ([MS-XLS] 2.4.28).

use super::sniff::{find as find_bytes, le16, le16_usize, le32, span, Sniffed};
use super::{FileType, UploadError};

pub(super) const MAGIC: [u8; 8] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/// Sector numbers from here up are markers (free, end of chain, FAT or DIFAT sector).
const MAX_SECTOR: u32 = 0xffff_fffa;
const NO_ENTRY: u32 = 0xffff_ffff;
const HEADER_LEN: usize = 512;
const ENTRY_LEN: usize = 128;
/// Header slots for the first 109 FAT sector numbers.
const HEADER_FAT_SLOTS: usize = 109;
/// Streams smaller than this live in the mini stream, in sectors of [`MINI_SECTOR_LEN`] bytes.
const MINI_CUTOFF: u32 = 4096;
const MINI_SECTOR_LEN: usize = 64;
/// Names of a VBA project's storages and streams (compared ignoring case, as OLE names are).
const VBA_NAMES: [&str; 4] = ["VBA", "_VBA_PROJECT", "Macros", "_VBA_PROJECT_CUR"];
/// PowerPoint's `VBAInfoContainer` record header (version 0xF, type 0x03FF, length 0x14) and its
/// `VBAInfoAtom` (version 2, type 0x0400, length 0x0C), which a presentation with a VBA project has.
const PPT_VBA_INFO: [u8; 16] = [
    0x0f, 0x00, 0xff, 0x03, 0x14, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x04, 0x0c, 0x00, 0x00, 0x00,
];
/// BIFF record types: a sheet's `BoundSheet8`, and `FilePass` (encrypted from there on).
const BOUND_SHEET: u16 = 0x0085;
const FILE_PASS: u16 = 0x002f;

struct Entry {
    name: String,
    kind: u8,
    left: u32,
    right: u32,
    child: u32,
    start: u32,
    size: u32,
}

struct Compound<'a> {
    bytes: &'a [u8],
    sector_len: usize,
    fat: Vec<u32>,
}

/// Classifies a file that starts with the OLE magic number.
pub(super) fn classify(bytes: &[u8]) -> Sniffed {
    let Some(file) = Compound::read(bytes) else {
        return Sniffed::Unsupported;
    };
    let entries = file.directory();
    let top = top_level(&entries);
    let find = |name: &str| top.iter().copied().find(|entry| entry.name == name);
    // Encrypted OOXML is an OLE file with these two streams; encrypted PowerPoint has the third.
    // (Encrypted .xls is not recognised: Excel also encrypts with a built-in default password
    // that it opens without asking, which cannot be told apart without decrypting.)
    if find("EncryptionInfo").is_some() && find("EncryptedPackage").is_some()
        || find("EncryptedSummary").is_some()
    {
        return Sniffed::Encrypted;
    }
    let file_type = if let Some(word) = find("WordDocument") {
        if file.stream_start(word).is_some_and(word_has_password) {
            return Sniffed::Encrypted;
        }
        FileType::Doc
    } else if find("Workbook").or_else(|| find("Book")).is_some() {
        FileType::Xls
    } else if find("PowerPoint Document").is_some() {
        FileType::Ppt
    } else if top
        .iter()
        .any(|e| e.name.starts_with("__substg1.0_") || e.name == "__properties_version1.0")
    {
        FileType::Msg
    } else {
        return Sniffed::Unsupported;
    };
    let vba = entries.iter().any(|entry| {
        matches!(entry.kind, 1 | 2) && VBA_NAMES.iter().any(|n| entry.name.eq_ignore_ascii_case(n))
    });
    let ppt_vba = file_type == FileType::Ppt && find_bytes(bytes, &PPT_VBA_INFO).is_some();
    let excel_macros = file_type == FileType::Xls
        && top
            .iter()
            .filter(|entry| entry.name == "Workbook" || entry.name == "Book")
            .any(|entry| has_macro_sheet(&file.stream(entry, &entries)));
    if vba || ppt_vba || excel_macros {
        return Sniffed::Refused(UploadError::Macros);
    }
    Sniffed::Type(file_type)
}

/// Whether a BIFF workbook stream names a sheet of type 1 (an Excel 4 macro sheet) or 6 (an
/// Excel 5 VBA module). Records are read one after another, up to any `FilePass` (after which
/// they are encrypted).
fn has_macro_sheet(stream: &[u8]) -> bool {
    let mut at = 0usize;
    while let (Some(kind), Some(len)) = (le16(stream, at), le16_usize(stream, at + 2)) {
        match kind {
            FILE_PASS => return false,
            BOUND_SHEET if matches!(stream.get(at + 4 + 5), Some(1 | 6)) => return true,
            _ => at += 4 + len,
        }
    }
    false
}

/// The Word FIB starts with wIdent 0xA5EC; fEncrypted is bit 8 of the flags at 0x0A.
fn word_has_password(fib: &[u8]) -> bool {
    le16(fib, 0) == Some(0xa5ec) && le16(fib, 0x0a).is_some_and(|flags| flags & 0x0100 != 0)
}

/// The root storage's children: the left/right sibling tree under its child pointer.
fn top_level(entries: &[Entry]) -> Vec<&Entry> {
    let Some(root) = entries.first().filter(|root| root.kind == 5) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut pending = vec![root.child];
    // Each entry is visited at most once in a well-formed tree; more visits mean a loop.
    let mut budget = entries.len();
    while let Some(index) = pending.pop() {
        let Some(entry) = usize::try_from(index).ok().and_then(|i| entries.get(i)) else {
            continue;
        };
        if budget == 0 {
            break;
        }
        budget -= 1;
        if matches!(entry.kind, 1 | 2) {
            found.push(entry);
        }
        pending.extend(
            [entry.left, entry.right]
                .into_iter()
                .filter(|&i| i != NO_ENTRY),
        );
    }
    found
}

impl<'a> Compound<'a> {
    /// The header and the FAT, collected from the header's slots and the DIFAT chain.
    fn read(bytes: &'a [u8]) -> Option<Compound<'a>> {
        if bytes.len() < HEADER_LEN || !bytes.starts_with(&MAGIC) {
            return None;
        }
        let sector_len = match le16(bytes, 30)? {
            9 => 512,
            12 => 4096,
            _ => return None,
        };
        let mut file = Compound {
            bytes,
            sector_len,
            fat: Vec::new(),
        };
        let most_sectors = bytes.len() / sector_len + 1;
        let mut fat_sectors: Vec<u32> = (0..HEADER_FAT_SLOTS)
            .filter_map(|i| le32(bytes, 76 + 4 * i))
            .collect();
        let mut difat = le32(bytes, 68)?;
        let per_sector = sector_len / 4;
        for _ in 0..most_sectors {
            let Some(sector) = file.sector(difat) else {
                break;
            };
            fat_sectors.extend((0..per_sector - 1).filter_map(|i| le32(sector, 4 * i)));
            difat = le32(sector, sector_len - 4)?;
        }
        for number in fat_sectors
            .into_iter()
            .filter(|&n| n < MAX_SECTOR)
            .take(most_sectors)
        {
            let sector = file.sector(number)?;
            file.fat
                .extend((0..per_sector).filter_map(|i| le32(sector, 4 * i)));
        }
        Some(file)
    }

    /// Sector `number`, if it is a sector and the file has all of it.
    fn sector(&self, number: u32) -> Option<&'a [u8]> {
        if number >= MAX_SECTOR {
            return None;
        }
        let at = usize::try_from(number)
            .ok()?
            .checked_add(1)?
            .checked_mul(self.sector_len)?;
        span(self.bytes, at, self.sector_len)
    }

    /// The directory entries, in order, from the directory's sector chain.
    fn directory(&self) -> Vec<Entry> {
        let mut entries = Vec::new();
        let mut number = le32(self.bytes, 48).unwrap_or(NO_ENTRY);
        // A chain visits each of the file's sectors at most once, unless it loops.
        for _ in 0..self.sectors() {
            let Some(sector) = self.sector(number) else {
                break;
            };
            entries.extend(sector.chunks_exact(ENTRY_LEN).map(entry));
            let Some(&next) = usize::try_from(number).ok().and_then(|n| self.fat.get(n)) else {
                break;
            };
            number = next;
        }
        entries
    }

    /// A stream's content (at most its size and what the file holds), from regular sectors or,
    /// if small, the mini stream (kept in the root entry's sectors, chained by the mini FAT).
    fn stream(&self, entry: &Entry, entries: &[Entry]) -> Vec<u8> {
        let size = usize::try_from(entry.size).unwrap_or(usize::MAX);
        if entry.size >= MINI_CUTOFF {
            return self.chain(entry.start, size);
        }
        let Some(root) = entries.first() else {
            return Vec::new();
        };
        let mini_stream = self.chain(root.start, usize::try_from(root.size).unwrap_or(0));
        let mini_fat_start = le32(self.bytes, 60).unwrap_or(NO_ENTRY);
        let mini_fat: Vec<u32> = self
            .chain(mini_fat_start, usize::MAX)
            .chunks_exact(4)
            .map(|raw| u32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]))
            .collect();
        let mut out = Vec::new();
        let mut number = entry.start;
        for _ in 0..mini_fat.len().max(1) {
            let Some(at) = usize::try_from(number)
                .ok()
                .and_then(|n| n.checked_mul(MINI_SECTOR_LEN))
            else {
                break;
            };
            let Some(sector) = span(&mini_stream, at, MINI_SECTOR_LEN) else {
                break;
            };
            out.extend_from_slice(sector);
            if out.len() >= size {
                break;
            }
            let Some(&next) = usize::try_from(number).ok().and_then(|n| mini_fat.get(n)) else {
                break;
            };
            number = next;
        }
        out.truncate(size);
        out
    }

    /// How many sectors the file holds (at least one): no chain is longer, unless it loops.
    fn sectors(&self) -> usize {
        self.bytes.len() / self.sector_len + 1
    }

    /// The sectors of the FAT chain from `start`, joined, up to `size` bytes (and no more than
    /// the file's length, so a looping chain ends).
    fn chain(&self, start: u32, size: usize) -> Vec<u8> {
        let size = size.min(self.bytes.len());
        let mut out = Vec::new();
        let mut number = start;
        for _ in 0..self.sectors() {
            let Some(sector) = self.sector(number) else {
                break;
            };
            out.extend_from_slice(sector);
            if out.len() >= size {
                break;
            }
            let Some(&next) = usize::try_from(number).ok().and_then(|n| self.fat.get(n)) else {
                break;
            };
            number = next;
        }
        out.truncate(size);
        out
    }

    /// The first sector of a stream stored in regular sectors (not the mini stream).
    fn stream_start(&self, entry: &Entry) -> Option<&'a [u8]> {
        (entry.size >= MINI_CUTOFF)
            .then(|| self.sector(entry.start))
            .flatten()
    }
}

/// One 128-byte directory entry: a UTF-16LE name (its length in bytes counts the final NUL), the
/// object type (1 storage, 2 stream, 5 root), the sibling and child entry numbers, and where the
/// stream starts and how long it is.
fn entry(raw: &[u8]) -> Entry {
    let name_len = le16_usize(raw, 64).unwrap_or(0).clamp(2, 64);
    let units: Vec<u16> = (0..name_len / 2 - 1)
        .filter_map(|i| le16(raw, 2 * i))
        .collect();
    let field = |at| le32(raw, at).unwrap_or(NO_ENTRY);
    Entry {
        name: String::from_utf16_lossy(&units),
        kind: raw.get(66).copied().unwrap_or(0),
        left: field(68),
        right: field(72),
        child: field(76),
        start: field(116),
        size: field(120),
    }
}
