//! Property tests of the file sniffers and their zip, OLE and PDF readers: pure noise, allowed
//! and refused magic numbers with random tails, and real skeletons (OOXML and OpenDocument zips,
//! OLE files with storages and mini streams, workbooks, PDFs with object streams) with random
//! mutations, so most cases get past the first checks. None may panic.
//!
//! [`crate::domain::fuzz::cases`] cases each: 10,000 in the suite, `PROPTEST_CASES` for longer.

use super::super::sniff::Sniffed;
use super::super::{ole, pdf, sniff, zip as zip_reader};
use super::samples::{
    compound, macro_doc, object, object_stream, pdf_opening_with, stream, stream_object, workbook,
};
use super::*;
use crate::domain::fuzz::config;

/// Real files of each container, with and without active content.
static SKELETONS: std::sync::LazyLock<Vec<Vec<u8>>> = std::sync::LazyLock::new(skeletons);

fn skeletons() -> Vec<Vec<u8>> {
    let mime = "application/vnd.oasis.opendocument.spreadsheet".as_bytes();
    let action = "<</S/JavaScript/JS(app.alert(1))>>";
    vec![
        docx(),
        zip(&[
            TYPES,
            ("xl/workbook.xml", b"<w/>"),
            ("xl/vbaProject.bin", b"\0"),
        ]),
        zip(&[("mimetype", mime), ("Basic/Standard/M.xml", b"<m/>")]),
        odf("text"),
        ole(&["WordDocument", "1Table"]),
        macro_doc(),
        compound(&[stream("Workbook", workbook(1, "Macro1", 300))]),
        compound(&[stream("Workbook", workbook(0, "Sheet1", 4200))]),
        PDF.to_vec(),
        pdf_opening_with("5 0 R", &[object_stream(4, 5, &["<<>>", action], true, "")]),
        pdf_opening_with(
            "null",
            &[stream_object(4, "/Filter/FlateDecode", b"x\x9c\x03\0")],
        ),
        pdf_opening_with("null", &[object(4, "<</Names<</EmbeddedFiles 5 0 R>>>>")]),
    ]
}

/// Values that make readers take odd paths: sector markers, zero, huge sizes and offsets.
const INTERESTING: [u32; 8] = [
    0,
    1,
    0xffff_fffe,
    0xffff_ffff,
    0xffff_fffa,
    0x7fff_ffff,
    512,
    4096,
];

/// A skeleton with random bytes, interesting 32-bit values, cut, repeated or inserted data.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let sample = 0..SKELETONS.len();
    let flips = prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8);
    let words = prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            prop::sample::select(&INTERESTING[..]),
        ),
        0..4,
    );
    let insert = (
        any::<prop::sample::Index>(),
        prop::collection::vec(any::<u8>(), 0..32),
    );
    (sample, flips, words, insert, any::<prop::sample::Index>()).prop_map(
        |(sample, flips, words, (at, inserted), cut)| {
            let mut bytes = SKELETONS[sample].clone();
            for (at, value) in flips {
                let at = at.index(bytes.len());
                bytes[at] = value;
            }
            for (at, value) in words {
                let at = at.index(bytes.len().saturating_sub(3).max(1));
                let end = (at + 4).min(bytes.len());
                bytes[at..end].copy_from_slice(&value.to_le_bytes()[..end - at]);
            }
            let at = at.index(bytes.len() + 1);
            bytes.splice(at..at, inserted);
            let keep = cut.index(bytes.len() + 1).max(bytes.len() / 2);
            bytes.truncate(keep);
            bytes
        },
    )
}

/// Magic numbers we read further, and some we refuse, each with a random tail.
fn magic_and_tail() -> impl Strategy<Value = Vec<u8>> {
    let magics: Vec<&'static [u8]> = vec![
        &super::super::ole::MAGIC,
        b"PK\x03\x04",
        b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0\x08\0\0\0\x08\0\0\0mimetype",
        b"%PDF-1.7\n",
        b"<html>%PDF-",
        b"\x89PNG\r\n\x1a\n",
        b"RIFF\0\0\0\0WEBP",
        b"\0\0\0\x18ftypheic",
        b"{\\rtf1",
        b"From: a@b\r\nTo: c@d\r\n\r\n",
        b"MZ",
        b"\xef\xbb\xbf",
    ];
    (
        prop::sample::select(magics),
        prop::collection::vec(any::<u8>(), 0..768),
    )
        .prop_map(|(magic, tail)| [magic, &tail].concat())
}

/// Compressed chunks for the token soup: empty, names, a bomb's start, and garbage.
static COMPRESSED: std::sync::LazyLock<Vec<Vec<u8>>> = std::sync::LazyLock::new(|| {
    let deflate = |data: &[u8]| miniz_oxide::deflate::compress_to_vec_zlib(data, 1);
    vec![
        deflate(b""),
        deflate(b"1 0 <</S/JavaScript/JS(x)>>"),
        deflate(b"1 0 4 5 <</J#53 (x)>> <</Launch 1>>"),
        deflate(&[0; 1 << 15]),
        deflate(b"1 0 <</S/JavaScript/JS(x)>>")[..12].to_vec(),
        b"x\x9c\xff\xff\xff\xff".to_vec(),
    ]
});

/// PDF-like token soup: names (escaped or not), dictionaries, streams and compressed chunks.
fn pdf_soup() -> impl Strategy<Value = Vec<u8>> {
    let token = prop_oneof![
        prop::sample::select(vec![
            "<<",
            ">>",
            "[",
            "]",
            "(",
            ")",
            "\\",
            " ",
            "\n",
            "\r\n",
            "stream\n",
            "stream\r\n",
            "endstream",
            "obj",
            "endobj",
            "/Type/ObjStm",
            "/N 1",
            "/First 4",
            "/Length 7",
            "/Length 3 0 R",
            "/Filter/FlateDecode",
            "/Filter[/Fl/FlateDecode]",
            "/Filter/LZW",
            "/DecodeParms<</Predictor 12>>",
            "/JS",
            "/J#53",
            "/J#",
            "/#",
            "/#4",
            "/JavaScript",
            "/Launch",
            "/XFA",
            "%",
            "#",
            "/",
            "0 R",
            "-1",
            "99999999999999999999",
        ])
        .prop_map(|token| token.as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 0..16),
        prop::sample::select(COMPRESSED.clone()),
    ];
    prop::collection::vec(token, 0..48)
        .prop_map(|tokens| [&b"%PDF-1.7\n"[..], &tokens.concat()].concat())
}

/// Every reader on `bytes`; an accepted file has a type and is not refused by another path.
fn read_all(bytes: &[u8]) {
    let _ = zip_reader::classify(bytes);
    let _ = ole::classify(bytes);
    let _ = pdf::active_content_within(bytes, 1 << 12, 1 << 14);
    if let Ok(checked) = check(bytes, "evidence") {
        assert_eq!(sniff::sniff(bytes), Sniffed::Type(checked.file_type));
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_sniffers_on_noise(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        read_all(&bytes);
    }

    #[test]
    fn fuzz_sniffers_on_magic_numbers_with_random_tails(bytes in magic_and_tail()) {
        read_all(&bytes);
    }

    #[test]
    fn fuzz_sniffers_on_mutated_zip_ole_and_pdf_skeletons(bytes in mutated()) {
        read_all(&bytes);
    }

    #[test]
    fn fuzz_pdf_reader_on_token_soup(bytes in pdf_soup()) {
        read_all(&bytes);
    }
}
