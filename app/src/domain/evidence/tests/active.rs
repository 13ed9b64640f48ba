//! Files that can run code on a member of staff's computer: macros in old and new Office files
//! and OpenDocument, web pages with a PDF header, and PDFs with active content.

use super::super::pdf::active_content_within;
use super::samples::{
    compound, macro_doc, object, object_stream, pdf_opening_with, siblings, storage, stream,
    stream_object, workbook,
};
use super::*;

#[test]
fn a_word_97_document_with_a_vba_project_is_refused_for_its_macros() {
    assert_eq!(check(&macro_doc(), "minutes.doc"), Err(Macros));
    // The same document without its Macros storage is an ordinary Word document.
    let mut nodes = vec![
        stream("WordDocument", [u16s(&[0xa5ec]), vec![0; 4096]].concat()),
        stream("1Table", vec![0; 600]),
    ];
    siblings(&mut nodes, &[&[1, 2]]);
    assert_eq!(
        check(&compound(&nodes), "minutes.doc").map(|f| f.file_type),
        Ok(Doc)
    );
}

#[test]
fn an_excel_workbook_with_a_vba_project_or_an_excel_4_macro_sheet_is_refused() {
    let plain = workbook(0, "Sheet1", 100);
    let mut nodes = vec![
        stream("Workbook", plain.clone()),
        storage("_VBA_PROJECT_CUR", 3),
        storage("VBA", 4),
        stream("dir", vec![1]),
    ];
    siblings(&mut nodes, &[&[1, 2]]);
    assert_eq!(check(&compound(&nodes), "budget.xls"), Err(Macros));
    // Excel 4 macro sheets (type 1) and Excel 5 modules (type 6), in the mini stream and in
    // regular sectors; a worksheet (0) or chart (2) is fine.
    for (sheet_type, len, expected) in [
        (1, 200, Err(Macros)),
        (1, 5000, Err(Macros)),
        (6, 200, Err(Macros)),
        (0, 200, Ok(Xls)),
        (2, 5000, Ok(Xls)),
    ] {
        let book = compound(&[stream("Workbook", workbook(sheet_type, "Macro1", len))]);
        let found = check(&book, "budget.xls").map(|file| file.file_type);
        assert_eq!(found, expected, "sheet type {sheet_type}, {len} bytes");
    }
    let plain = compound(&[stream("Workbook", plain)]);
    assert_eq!(detect(&plain), Some(Xls));
}

#[test]
fn a_powerpoint_presentation_with_vba_is_refused() {
    let info = [
        u16s(&[0x000f, 0x03ff]),
        u32s(&[0x14]),
        u16s(&[0x0002, 0x0400]),
        u32s(&[0x0c, 7, 0, 2]),
    ]
    .concat();
    let document = |extra: &[u8]| {
        let header = [u16s(&[0x000f, 0x03e8]), u32s(&[extra.len() as u32])].concat();
        let mut data = [header, extra.to_vec()].concat();
        data.resize(5000, 0);
        data
    };
    let presentation = |data: Vec<u8>| {
        let mut nodes = vec![
            stream("Current User", vec![0; 40]),
            stream("PowerPoint Document", data),
        ];
        siblings(&mut nodes, &[&[1, 2]]);
        compound(&nodes)
    };
    assert_eq!(
        check(&presentation(document(&info)), "talk.ppt"),
        Err(Macros)
    );
    assert_eq!(detect(&presentation(document(&[]))), Some(Ppt));
}

#[test]
fn an_outlook_message_carrying_a_macro_document_is_refused() {
    let mut nodes = vec![
        stream("__substg1.0_0037001F", b"S\0u\0b\0".to_vec()),
        storage("__attach_version1.0_#00000000", 3),
        storage("__substg1.0_3701000D", 4),
        storage("Macros", 5),
        stream("_VBA_PROJECT", vec![0xcc, 0x61]),
    ];
    siblings(&mut nodes, &[&[1, 2]]);
    assert_eq!(check(&compound(&nodes), "mail.msg"), Err(Macros));
}

#[test]
fn opendocument_files_with_basic_or_script_folders_are_refused() {
    let mime = "application/vnd.oasis.opendocument.text".as_bytes();
    let basic = zip(&[
        ("mimetype", mime),
        ("content.xml", b"<c/>"),
        ("Basic/script-lc.xml", b"<library:libraries/>"),
        (
            "Basic/Standard/Module1.xml",
            b"<script:module>Sub Main</script:module>",
        ),
    ]);
    let scripts = zip(&[
        ("mimetype", mime),
        ("content.xml", b"<c/>"),
        ("Scripts/python/run.py", b"import os\n"),
    ]);
    let embedded = zip(&[
        ("mimetype", mime),
        ("Object 1/basic/Standard/Module1.xml", b"<m/>"),
    ]);
    for (file, name) in [
        (basic, "basic"),
        (scripts, "scripts"),
        (embedded, "embedded"),
    ] {
        assert_eq!(check(&file, "letter.odt"), Err(Macros), "{name}");
    }
    let plain = zip(&[("mimetype", mime), ("Pictures/basic.png", PNG)]);
    assert_eq!(detect(&plain), Some(Odt));
}

#[test]
fn excel_4_macro_sheets_in_an_xlsx_are_refused() {
    let xlsm = zip(&[
        TYPES,
        ("xl/workbook.xml", b"<w/>"),
        ("xl/macrosheets/sheet1.xml", b"<xm:macrosheet/>"),
    ]);
    assert_eq!(check(&xlsm, "figures.xlsx"), Err(Macros));
}

#[test]
fn a_web_page_with_a_pdf_header_in_its_first_kilobyte_is_refused() {
    let page = [
        &b"<!DOCTYPE html><html><body><script>fetch('/x')</script>\n"[..],
        PDF,
    ]
    .concat();
    assert_eq!(check(&page, "statement.pdf"), Err(WebPage));
    let late = [&b"Dear Sir\n  <P>\n"[..], PDF].concat();
    assert_eq!(detect(&late), None);
    // A printer job header or binary junk before the header is still a PDF.
    let pjl = [&b"\x1b%-12345X@PJL ENTER LANGUAGE=PDF\r\n"[..], PDF].concat();
    let binary = [&b"\0\x01<\x02a<table1"[..], PDF].concat();
    assert_detects(&[(&pjl, Some(Pdf)), (&binary, Some(Pdf))]);
}

#[test]
fn pdfs_with_javascript_or_launch_actions_are_refused_even_with_escaped_names() {
    let cases = [
        ("<</S/JavaScript/JS(app.alert(1))>>", PdfJavaScript),
        (
            "<</S /J#61vaScript /JS <6170702e616c657274283129>>>",
            PdfJavaScript,
        ),
        ("<</S/GoTo/D[3 0 R/Fit]/Next<</JS 9 0 R>>>>", PdfJavaScript),
        ("<</S/Launch/F(cmd.exe)/Win<</F(calc.exe)>>>>", PdfLaunch),
        ("<</S/#4C#61#75#6e#63#68/F(x.exe)>>", PdfLaunch),
    ];
    for (action, problem) in cases {
        let file = pdf_opening_with(action, &[]);
        assert_eq!(check(&file, "a.pdf"), Err(problem), "{action}");
    }
}

#[test]
fn pdfs_with_attached_files_or_dynamic_content_are_refused() {
    let attached = object(4, "<</Type/EmbeddedFile/Length 0>>");
    let names = "<</EmbeddedFiles<</Names[(a.exe) 4 0 R]>>>>";
    let xfa = "<</Fields[]/XFA 5 0 R>>";
    let media = "<</Type/Annot/Subtype/RichMedia>>";
    assert_eq!(detect(&pdf_opening_with("null", &[attached])), None);
    let refusals = [
        (object(4, names), PdfAttachments),
        (object(4, xfa), PdfInteractive),
        (object(4, media), PdfInteractive),
    ];
    for (extra, problem) in refusals {
        let file = pdf_opening_with("null", &[extra]);
        assert_eq!(check(&file, "a.pdf"), Err(problem));
    }
}

#[test]
fn javascript_hidden_in_a_compressed_object_stream_is_found() {
    let action = "<</S/JavaScript/JS(app.launchURL('x'))>>";
    let hidden = object_stream(5, 6, &["<</Type/Font>>", action], true, "");
    let file = pdf_opening_with("7 0 R", std::slice::from_ref(&hidden));
    assert_eq!(check(&file, "a.pdf"), Err(PdfJavaScript));
    // Readers go by /N and /First, not by /Type.
    let at = super::super::sniff::find(&hidden, b"/Type/ObjStm").unwrap();
    let without_type = [&hidden[..at], &hidden[at + 12..]].concat();
    let untyped = pdf_opening_with("7 0 R", &[without_type]);
    assert_eq!(detect(&untyped), None);
    // /JS alone, escaped, in an object stream counts too.
    let js = object_stream(5, 6, &["<</#4A#53(x)>>"], true, "");
    assert_eq!(
        check(&pdf_opening_with("6 0 R", &[js]), "a.pdf"),
        Err(PdfJavaScript)
    );
    let plain = object_stream(5, 6, &["<</Type/Font/Subtype/Type1>>"], true, "");
    assert_eq!(detect(&pdf_opening_with("null", &[plain])), Some(Pdf));
}

#[test]
fn an_object_stream_we_cannot_read_or_that_inflates_too_far_is_refused_as_unchecked() {
    let hex = object_stream(5, 6, &["<<>>"], false, "/Filter/ASCIIHexDecode");
    assert_eq!(
        check(&pdf_opening_with("null", &[hex]), "a.pdf"),
        Err(PdfUnchecked)
    );
    let predictor = object_stream(5, 6, &["<<>>"], true, "/DecodeParms<</Predictor 12>>");
    assert_eq!(detect(&pdf_opening_with("null", &[predictor])), None);
    // A zip bomb: a few kilobytes inflating past the bound, per stream or in all.
    let zeros = miniz_oxide::deflate::compress_to_vec_zlib(&vec![0; 1 << 20], 1);
    let dictionary = "/Type/ObjStm/N 1/First 4/Filter/FlateDecode";
    let bomb = stream_object(5, dictionary, &zeros);
    let file = pdf_opening_with("null", std::slice::from_ref(&bomb));
    assert_eq!(
        active_content_within(&file, 1 << 19, 1 << 30),
        Some(PdfUnchecked)
    );
    assert_eq!(active_content_within(&file, (1 << 20) + 64, 1 << 30), None);
    let two = pdf_opening_with("null", &[bomb.clone(), bomb.replace_number(5, 6)]);
    assert_eq!(
        active_content_within(&two, (1 << 20) + 64, 3 << 19),
        Some(PdfUnchecked)
    );
}

#[test]
fn ordinary_pdf_features_and_js_bytes_in_page_content_are_accepted() {
    let link = object(
        4,
        "<</Type/Annot/Subtype/Link/A<</S/URI/URI(https://ico.org.uk)>>>>",
    );
    // A content stream using a font resource named JS: page content, not an action.
    let content = stream_object(5, "", b"BT /JS 12 Tf (Hello /JSON) Tj ET");
    let goto = "<</S/GoTo/D[3 0 R/Fit]>>";
    let file = pdf_opening_with(goto, &[link, content]);
    assert_eq!(detect(&file), Some(Pdf));
    let names = object(4, "<</JavaScripts 1/JSON(x)/Launcher 2/XFAx 3>>");
    assert_eq!(detect(&pdf_opening_with("null", &[names])), Some(Pdf));
}

#[test]
fn an_email_attachment_gets_the_same_answer_through_check_content() {
    assert_eq!(check_content(&macro_doc()), Err(Macros));
    assert_eq!(check_content(PDF), Ok(Pdf));
    assert_eq!(check_content(b""), Err(Empty));
    assert_eq!(check_content(b"\x7fELF\x02"), Err(UnsupportedType));
}

/// Renumbers a built object.
trait Renumber {
    fn replace_number(&self, from: u32, to: u32) -> Vec<u8>;
}

impl Renumber for Vec<u8> {
    fn replace_number(&self, from: u32, to: u32) -> Vec<u8> {
        let prefix = format!("{from} 0 obj");
        let rest = self.strip_prefix(prefix.as_bytes()).unwrap();
        [format!("{to} 0 obj").as_bytes(), rest].concat()
    }
}
