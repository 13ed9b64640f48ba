//! Tests of the evidence upload checks, on small real samples built here.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::FileType::*;
use super::UploadError::*;
use super::*;
use proptest::prelude::*;

mod active;
mod fuzz;
mod samples;

const MIB: usize = 1024 * 1024;
pub(super) const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>> endobj\n\
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n\
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>> endobj\n\
xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000053 00000 n \n0000000103 00000 n \n\
trailer<</Size 4/Root 1 0 R>>\nstartxref\n167\n%%EOF\n";
pub(super) const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
pub(super) const EML: &str =
    "From: Alex Jones <alex@example.org>\r\nTo: complaints@example.gov.uk\r\n\
Subject: Re: council tax\r\n  (second letter)\r\nDate: Mon, 3 Mar 2025 09:15:00 +0000\r\n\
Message-ID: <a1@example.org>\r\n\r\nPlease see below.\r\n";
const WELSH: &str =
    "Annwyl Syr/Madam,\n\nRwy'n ysgrifennu ynglŷn â'r dreth gyngor.\tDiolch — Siân\n";
pub(super) const NONE: u32 = 0xffff_ffff;
pub(super) const END: u32 = 0xffff_fffe;

pub(super) fn u16s(values: &[u16]) -> Vec<u8> {
    values
        .iter()
        .flat_map(|value| value.to_le_bytes())
        .collect()
}

pub(super) fn u32s(values: &[u32]) -> Vec<u8> {
    values
        .iter()
        .flat_map(|value| value.to_le_bytes())
        .collect()
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xedb8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// A zip of stored (uncompressed) entries: local headers, central directory, end record.
pub(super) fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for &(name, data) in entries {
        let (crc, size, offset) = (crc32(data), data.len() as u32, out.len() as u32);
        // version needed, flags, method (stored), time, date; CRC, sizes; name and extra lengths
        let head = [u16s(&[20, 0, 0, 0, 0x21]), u32s(&[crc, size, size])].concat();
        let head = [head, u16s(&[name.len() as u16, 0])].concat();
        out.extend([&b"PK\x03\x04"[..], &head, name.as_bytes(), data].concat());
        // version made by; header; comment length, disk, internal attributes; external
        // attributes and the local header's offset
        let (made_by, tail) = (u16s(&[20]), [u16s(&[0, 0, 0]), u32s(&[0, offset])].concat());
        central.extend([&b"PK\x01\x02"[..], &made_by, &head, &tail, name.as_bytes()].concat());
    }
    let (count, central_len) = (entries.len() as u16, central.len() as u32);
    let end = [
        u16s(&[0, 0, count, count]),
        u32s(&[central_len, out.len() as u32]),
    ]
    .concat();
    [out, central, b"PK\x05\x06".to_vec(), end, u16s(&[0])].concat()
}

pub(super) const TYPES: (&str, &[u8]) = ("[Content_Types].xml", b"<Types/>");

pub(super) fn docx() -> Vec<u8> {
    let document = ("word/document.xml", &b"<w:document/>"[..]);
    zip(&[TYPES, ("_rels/.rels", b"<Relationships/>"), document])
}

pub(super) fn odf(kind: &str) -> Vec<u8> {
    let mime = format!("application/vnd.oasis.opendocument.{kind}");
    zip(&[("mimetype", mime.as_bytes()), ("content.xml", b"<c/>")])
}

/// An OLE compound file (512-byte sectors): header, FAT in sector 0, directory in sector 1 with
/// the root and up to three top-level streams, each the right sibling of the one before.
pub(super) fn ole(names: &[&str]) -> Vec<u8> {
    // magic, class id; versions, byte order, sector shifts, reserved
    let mut out = [
        &ole::MAGIC[..],
        &[0; 16],
        &u16s(&[0x3e, 3, 0xfffe, 9, 6, 0, 0, 0]),
    ]
    .concat();
    // directory sectors, FAT sectors, first directory sector, transaction, mini stream cutoff,
    // mini FAT start and count, DIFAT start and count, the FAT's sector (0); the rest unused
    out.extend(u32s(&[0, 1, 1, 0, 4096, END, 0, END, 0, 0]));
    out.resize(512, 0xff);
    // the FAT: sector 0 is the FAT, sector 1 (the directory) ends its chain, the rest are free
    out.extend(u32s(&[0xffff_fffd, END]));
    out.resize(1024, 0xff);
    for (i, name) in ["Root Entry"].iter().chain(names).enumerate() {
        let mut raw: Vec<u8> = name
            .encode_utf16()
            .chain([0])
            .flat_map(u16::to_le_bytes)
            .collect();
        let (len, kind) = (raw.len() as u16, if i == 0 { 5 } else { 2 });
        let last = i == 0 || i == names.len();
        let right = if last { NONE } else { i as u32 + 1 };
        let child = if names.is_empty() || i > 0 { NONE } else { 1 };
        raw.resize(64, 0);
        // name length, object type and colour (black), left and right siblings, child
        raw.extend([u16s(&[len, kind | 0x100]), u32s(&[NONE, right, child])].concat());
        raw.resize(128, 0);
        out.extend(raw);
    }
    out.resize(512 * 3, 0);
    out
}

pub(super) fn check(bytes: &[u8], name: &str) -> Result<CheckedFile, UploadError> {
    let limits = UploadLimits::default();
    check_upload(bytes, name, CaseUploads::default(), &limits)
}

/// Each sample's detected type.
fn assert_detects(cases: &[(&[u8], Option<FileType>)]) {
    for &(bytes, expected) in cases {
        assert_eq!(
            detect(bytes),
            expected,
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn a_minimal_pdf_is_a_pdf_even_after_up_to_1024_bytes_of_junk() {
    assert_detects(&[
        (PDF, Some(Pdf)),
        (&[&[b'\n'; 1024][..], PDF].concat(), Some(Pdf)),
        (&[&[0; 1025][..], PDF].concat(), None),
    ]);
}

#[test]
fn a_pdf_with_an_encrypt_dictionary_is_refused_as_password_protected() {
    let pdf = String::from_utf8(PDF.to_vec()).unwrap();
    let encrypted = pdf.replace("1 0 R>>", "1 0 R/Encrypt 4 0 R/ID[<01><01>]>>");
    assert_eq!(check(encrypted.as_bytes(), "statement.pdf"), Err(Encrypted));
    let not_encrypted = pdf.replace("1 0 R>>", "1 0 R/EncryptMetadata false>>");
    assert_eq!(detect(not_encrypted.as_bytes()), Some(Pdf));
}

#[test]
fn images_and_rtf_are_recognised_by_their_magic_numbers() {
    assert_detects(&[
        (PNG, Some(Png)),
        (b"\xff\xd8\xff\xe0\0\x10JFIF\0", Some(Jpeg)),
        (b"GIF89a\x01\0\x01\0", Some(Gif)),
        (b"RIFF\x24\0\0\0WEBPVP8 ", Some(Webp)),
        (b"\0\0\0\x18ftypheic\0\0\0\0mif1heic", Some(Heic)),
        (b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf", None),
        (b"II*\0\x08\0\0\0", Some(Tiff)),
        (b"MM\0*\0\0\0\x08", Some(Tiff)),
        (b"{\\rtf1\\ansi Annwyl Syr}", Some(Rtf)),
        (b"RIFF\x24\0\0\0WAVEfmt ", None),
    ]);
}

#[test]
fn word_excel_and_powerpoint_zips_are_told_apart_by_their_folders() {
    assert_detects(&[
        (&docx(), Some(Docx)),
        (&zip(&[TYPES, ("xl/workbook.xml", b"<w/>")]), Some(Xlsx)),
        (
            &zip(&[("ppt/presentation.xml", b"<p/>"), TYPES]),
            Some(Pptx),
        ),
        (&zip(&[("word/document.xml", b"<w/>")]), None),
    ]);
}

#[test]
fn macro_enabled_office_files_are_refused() {
    let docm = zip(&[
        TYPES,
        ("word/document.xml", b"<w/>"),
        ("word/vbaProject.bin", b"\0"),
    ]);
    assert_eq!(check(&docm, "letter.docx"), Err(Macros));
}

#[test]
fn a_docx_cut_before_its_central_directory_is_read_from_its_local_headers() {
    let full = docx();
    assert_eq!(detect(&full[..full.len() - 60]), Some(Docx));
}

#[test]
fn opendocument_files_are_recognised_by_their_stored_mimetype() {
    assert_detects(&[
        (&odf("text"), Some(Odt)),
        (&odf("spreadsheet"), Some(Ods)),
        (&odf("presentation"), Some(Odp)),
        (&odf("graphics"), None),
    ]);
}

#[test]
fn plain_zips_jars_apks_and_epubs_are_refused() {
    let plain = zip(&[("photos/one.jpg", b"\xff\xd8\xff"), ("letter.pdf", PDF)]);
    let jar = zip(&[("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\n")]);
    let apk = zip(&[
        ("AndroidManifest.xml", b"\x03\0"),
        ("classes.dex", b"dex\n035\0"),
    ]);
    let epub = zip(&[
        ("mimetype", b"application/epub+zip"),
        ("content.opf", b"<p/>"),
    ]);
    for archive in [plain, jar, apk, epub, b"PK\x05\x06".to_vec()] {
        assert_eq!(check(&archive, "evidence.docx"), Err(UnsupportedType));
    }
}

#[test]
fn old_office_files_and_outlook_messages_are_recognised_by_their_top_level_streams() {
    assert_detects(&[
        (
            &ole(&["WordDocument", "1Table", "\u{5}SummaryInformation"]),
            Some(Doc),
        ),
        (&ole(&["Workbook"]), Some(Xls)),
        (&ole(&["Book"]), Some(Xls)),
        (&ole(&["Current User", "PowerPoint Document"]), Some(Ppt)),
        (
            &ole(&["__substg1.0_0037001F", "__properties_version1.0"]),
            Some(Msg),
        ),
        (&ole(&["__substg1.0_1000001F"]), Some(Msg)),
        (&ole(&["Contents", "\u{1}Ole10Native"]), None),
        (&ole(&[]), None),
    ]);
}

#[test]
fn a_word_document_attached_inside_an_email_does_not_make_it_a_word_document() {
    let names = [
        "__substg1.0_0037001F",
        "__attach_version1.0_#00000000",
        "WordDocument",
    ];
    let (mut msg, attachment) = (ole(&names), 1024 + 2 * 128);
    msg[attachment + 66] = 1; // a storage, whose child is the Word stream rather than its sibling
    msg[attachment + 72..attachment + 80].copy_from_slice(&u32s(&[NONE, 3]));
    assert_eq!(detect(&msg), Some(Msg));
}

#[test]
fn an_encrypted_office_file_is_refused_as_password_protected() {
    let encrypted = ole(&["EncryptionInfo", "EncryptedPackage", "\u{6}DataSpaces"]);
    assert_eq!(check(&encrypted, "budget.xlsx"), Err(Encrypted));
}

#[test]
fn a_truncated_ole_file_is_refused_and_a_looping_directory_ends() {
    let doc = ole(&["WordDocument"]);
    let mut looping = doc.clone();
    looping[1024 + 128 + 72..1024 + 128 + 76].copy_from_slice(&u32s(&[1]));
    assert_detects(&[(&doc[..700], None), (&looping, Some(Doc))]);
}

#[test]
fn an_email_needs_header_fields_first_and_two_known_ones() {
    assert_detects(&[
        (EML.as_bytes(), Some(Eml)),
        (b"Subject: hello\nnot a header\n\nbody", Some(Text)),
        (b"Subject: one known field\nX-Note: x\n\nbody", Some(Text)),
        (b"\nFrom: a@example.org\nTo: b@example.org\n", Some(Text)),
    ]);
}

#[test]
fn utf8_text_with_welsh_characters_or_a_bom_is_text_but_not_if_binary_or_not_utf8() {
    let (few, many) = (
        format!("{}\x1b", "a".repeat(200)),
        format!("{}\x1b", "a".repeat(50)),
    );
    assert_detects(&[
        (WELSH.as_bytes(), Some(Text)),
        (
            &[&b"\xef\xbb\xbf"[..], WELSH.as_bytes()].concat(),
            Some(Text),
        ),
        (b"MZ Jones wrote to the council on 3 March.\n", Some(Text)),
        (few.as_bytes(), Some(Text)),
        (many.as_bytes(), None),
        (b"caf\xe9", None),
        (b"\xff\xfeh\0i\0", None),
        (b"hello\0world", None),
    ]);
}

#[test]
fn html_svg_xml_and_script_are_refused() {
    assert_detects(&[
        (b"  <!DOCTYPE html><p>hi", None),
        ("\u{feff}<HTML>".as_bytes(), None),
        (b"<svg xmlns='x'/>", None),
        (b"<?xml?><a/>", None),
        (b"<script>", None),
        (b"Dear Sir,\n<ScRiPt src=x></script>", None),
    ]);
    assert_eq!(check(b"<html>", "notes.txt"), Err(UnsupportedType));
}

#[test]
fn executables_and_other_archives_are_refused() {
    assert_detects(&[
        (b"\x7fELF\x02\x01\x01\0", None),
        (b"MZ\x90\0\x03\0\0\0%PDF-1.4", None),
        (b"\xcf\xfa\xed\xfe\x07\0\0\x01", None),
        (b"\xca\xfe\xba\xbe\0\0\0\x34", None),
        (b"\x1f\x8b\x08\0", None),
        (b"7z\xbc\xaf\x27\x1c\0\x04", None),
        (b"Rar!\x1a\x07\x01\0", None),
    ]);
}

#[test]
fn checks_run_in_order_no_file_empty_too_many_too_large_case_too_large_then_type() {
    let limits = UploadLimits::default();
    let too_big = [PDF, &vec![b' '; 10 * MIB + 1 - PDF.len()]].concat();
    let (full, nearly_full) = ((20, 0), (19, 30 * MIB as u64 - 10));
    let so_far = |(files, bytes)| CaseUploads { files, bytes };
    assert_eq!(check(b"", ""), Err(NoFile));
    assert_eq!(check(b"", "letter.pdf"), Err(Empty));
    let full_case = check_upload(&too_big, "a.pdf", so_far(full), &limits);
    assert_eq!(full_case, Err(TooManyFiles));
    assert_eq!(check(&too_big, "a.pdf"), Err(TooLarge));
    let ten_mib = check(&too_big[..10 * MIB], "a.pdf").map(|file| (file.file_type, file.size));
    assert_eq!(ten_mib, Ok((Pdf, 10 * MIB as u64)));
    let elf = check_upload(b"\x7fELF", "a", so_far(nearly_full), &limits);
    assert_eq!(elf, Err(UnsupportedType));
    let png = check_upload(PNG, "a.png", so_far(nearly_full), &limits);
    assert_eq!(png, Err(CaseTooLarge));
}

#[test]
fn a_png_named_letter_pdf_is_a_png_whose_display_name_says_so() {
    let checked = check(PNG, "C:\\Users\\Siân\\Desktop\\letter.pdf").unwrap();
    let summary = (
        checked.file_type,
        checked.size,
        checked.display_name.as_str(),
    );
    assert_eq!(summary, (Png, PNG.len() as u64, "letter.pdf.png"));
}

#[test]
fn display_names_lose_paths_and_hidden_characters_and_keep_a_matching_extension() {
    let long = format!("{}.pdf", "ŵ".repeat(300));
    let cases = [
        ("../../etc/IMG_1.JPG", Jpeg, "IMG_1.JPG"),
        ("invoice\u{202e}fdp.exe", Pdf, "invoicefdp.exe.pdf"),
        (" bill\n\t2025 . ", Pdf, "bill2025.pdf"),
        ("", Docx, "document.docx"),
        ("..", Text, "document.txt"),
        ("/uploads/.pdf", Pdf, "document.pdf"),
        (&long, Pdf, &format!("{}.pdf", "ŵ".repeat(196))),
    ];
    for (name, file_type, expected) in cases {
        assert_eq!(display_name(name, file_type, 200), expected);
    }
}

#[test]
fn file_type_codes_match_serde_and_round_trip() {
    for &file_type in FileType::ALL {
        let json = serde_json::to_string(&file_type).unwrap();
        assert_eq!(json, format!("\"{}\"", file_type.code()));
        assert_eq!(FileType::from_code(file_type.code()), Some(file_type));
    }
    assert_eq!(FileType::from_code("exe"), None);
    assert_eq!((Eml.mime(), Eml.extension()), ("message/rfc822", "eml"));
    assert_eq!((Jpeg.extension(), Text.extension()), ("jpg", "txt"));
    assert_eq!(Msg.mime(), "application/vnd.ms-outlook");
}

#[test]
fn limits_default_to_10_mib_30_mib_20_files_and_200_characters_and_each_can_be_set_alone() {
    let limits: UploadLimits = serde_json::from_str(r#"{"max_files": 5}"#).unwrap();
    let defaults = UploadLimits::default();
    assert_eq!(
        limits,
        UploadLimits {
            max_files: 5,
            ..defaults.clone()
        }
    );
    assert_eq!(
        (defaults.max_file_bytes, defaults.max_case_bytes),
        (10 << 20, 30 << 20)
    );
    assert_eq!((defaults.max_files, defaults.max_name_chars), (20, 200));
}

#[test]
fn each_error_has_its_message_key() {
    let cases = [
        (NoFile, "error.upload.none"),
        (Empty, "error.upload.empty"),
        (TooLarge, "error.upload.too_large"),
        (CaseTooLarge, "error.upload.case_too_large"),
        (TooManyFiles, "error.upload.too_many"),
        (UnsupportedType, "error.upload.type"),
        (Encrypted, "error.upload.encrypted"),
        (Macros, "error.upload.macros"),
        (WebPage, "error.upload.web_page"),
        (PdfJavaScript, "error.upload.pdf_javascript"),
        (PdfLaunch, "error.upload.pdf_launch"),
        (PdfAttachments, "error.upload.pdf_attachments"),
        (PdfInteractive, "error.upload.pdf_interactive"),
        (PdfUnchecked, "error.upload.pdf_unchecked"),
    ];
    let english: serde_json::Value =
        serde_json::from_str(include_str!("../../../locales/en.json")).unwrap();
    for (error, key) in cases {
        assert_eq!(error.message_key(), key);
        assert!(english[key].is_string(), "{key} has English text");
    }
}

pub(super) fn samples() -> Vec<Vec<u8>> {
    let doc = ole(&["WordDocument", "Workbook"]);
    vec![
        PDF.to_vec(),
        PNG.to_vec(),
        docx(),
        odf("text"),
        doc,
        EML.as_bytes().to_vec(),
    ]
}

proptest! {
    #[test]
    fn check_upload_never_panics_on_arbitrary_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        name in ".{0,80}",
    ) {
        if let Ok(checked) = check(&bytes, &name) {
            prop_assert!(!checked.display_name.contains(['/', '\\']));
        }
    }

    #[test]
    fn truncated_or_damaged_samples_and_allowed_magics_with_random_tails_never_panic(
        sample in 0usize..6,
        cut in any::<prop::sample::Index>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        tail in prop::collection::vec(any::<u8>(), 0..600),
    ) {
        let mut bytes = samples().swap_remove(sample);
        for (at, value) in flips {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        let _ = detect(&bytes[..cut.index(bytes.len() + 1)]);
        let magic = &bytes[..cut.index(bytes.len().min(16) + 1)];
        let _ = check(&[magic, &tail].concat(), "x");
    }

    #[test]
    fn display_names_are_short_and_free_of_separators_and_controls(
        name in "\\PC{0,300}|.{0,300}",
        max in 14usize..300,
    ) {
        let shown = display_name(&name, Jpeg, max);
        prop_assert!(shown.chars().count() <= max);
        prop_assert!(!shown.contains(['/', '\\']) && !shown.chars().any(char::is_control));
    }
}
