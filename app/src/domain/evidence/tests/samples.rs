//! Small real samples with active content, built here byte by byte: OLE compound files with
//! storages and stream content (regular sectors and the mini stream), BIFF workbooks and PDFs
//! with object streams.

use super::{u16s, u32s, END, NONE};

const SECTOR: usize = 512;
const FAT_SECTOR: u32 = 0xffff_fffd;

/// A directory entry: name, 1 storage or 2 stream, the left and right siblings and the child
/// (entry numbers; the root is 0 and is added first), and a stream's content.
pub(crate) struct Node {
    pub name: &'static str,
    pub kind: u8,
    pub left: u32,
    pub right: u32,
    pub child: u32,
    pub data: Vec<u8>,
}

/// A stream with no siblings (set them after).
pub(crate) fn stream(name: &'static str, data: Vec<u8>) -> Node {
    Node {
        name,
        kind: 2,
        left: NONE,
        right: NONE,
        child: NONE,
        data,
    }
}

/// A storage whose child is entry `child`.
pub(crate) fn storage(name: &'static str, child: u32) -> Node {
    Node {
        kind: 1,
        child,
        ..stream(name, Vec::new())
    }
}

/// Links `nodes` (entry numbers 1…) as right siblings of each other in the order given by
/// `chains`, each chain a list of entry numbers.
pub(crate) fn siblings(nodes: &mut [Node], chains: &[&[u32]]) {
    for chain in chains {
        for pair in chain.windows(2) {
            nodes[pair[0] as usize - 1].right = pair[1];
        }
    }
}

/// An OLE compound file (512-byte sectors, one FAT sector) whose root's child is entry 1:
/// streams of 4096 bytes or more in regular sectors, smaller ones in the mini stream.
pub(crate) fn compound(nodes: &[Node]) -> Vec<u8> {
    let mut sectors: Vec<Vec<u8>> = vec![Vec::new()];
    let mut fat: Vec<u32> = vec![FAT_SECTOR];
    let mut chain = |data: &[u8]| -> u32 {
        if data.is_empty() {
            return END;
        }
        let start = sectors.len() as u32;
        for piece in data.chunks(SECTOR) {
            let mut sector = piece.to_vec();
            sector.resize(SECTOR, 0);
            sectors.push(sector);
            fat.push(sectors.len() as u32);
        }
        *fat.last_mut().unwrap() = END;
        start
    };
    let (mut mini, mut mini_fat) = (Vec::new(), Vec::new());
    let mut places = Vec::new();
    for node in nodes {
        if node.data.len() >= 4096 || node.data.is_empty() {
            places.push(chain(&node.data));
            continue;
        }
        let start = (mini.len() / 64) as u32;
        places.push(start);
        for piece in node.data.chunks(64) {
            mini.extend(piece);
            mini.resize(mini.len().div_ceil(64) * 64, 0);
            mini_fat.push((mini.len() / 64) as u32);
        }
        *mini_fat.last_mut().unwrap() = END;
    }
    let root_start = chain(&mini);
    let mini_fat_start = chain(&u32s(&mini_fat));
    let mut directory = Vec::new();
    let root = Node {
        kind: 5,
        child: if nodes.is_empty() { NONE } else { 1 },
        ..stream("Root Entry", Vec::new())
    };
    for (i, node) in [&root].into_iter().chain(nodes).enumerate() {
        let (start, size) = match i {
            0 => (root_start, mini.len()),
            _ => (places[i - 1], node.data.len()),
        };
        let mut raw: Vec<u8> = node
            .name
            .encode_utf16()
            .chain([0])
            .flat_map(u16::to_le_bytes)
            .collect();
        let len = raw.len() as u16;
        raw.resize(64, 0);
        raw.extend(u16s(&[len, u16::from(node.kind) | 0x100]));
        raw.extend(u32s(&[node.left, node.right, node.child]));
        raw.resize(116, 0);
        raw.extend(u32s(&[start, size as u32, 0]));
        directory.extend(raw);
    }
    let directory_start = chain(&directory);
    assert!(fat.len() <= 128, "one FAT sector is enough");
    let mut fat_sector = u32s(&fat);
    fat_sector.resize(SECTOR, 0xff);
    sectors[0] = fat_sector;
    let mut out = [
        &super::super::ole::MAGIC[..],
        &[0; 16],
        &u16s(&[0x3e, 3, 0xfffe, 9, 6, 0, 0, 0]),
    ]
    .concat();
    let mini_fat_sectors = u32::from(mini_fat_start != END);
    out.extend(u32s(&[
        0,
        1,
        directory_start,
        0,
        4096,
        mini_fat_start,
        mini_fat_sectors,
        END,
        0,
        0,
    ]));
    out.resize(SECTOR, 0xff);
    out.extend(sectors.concat());
    out
}

/// A BIFF8 workbook stream: BOF, one `BoundSheet8` of sheet type `sheet_type` named `name`, EOF,
/// padded with zeros to `len` bytes.
pub(crate) fn workbook(sheet_type: u8, name: &str, len: usize) -> Vec<u8> {
    let bof = [u16s(&[0x0809, 16, 0x0600, 0x0005]), vec![0; 12]].concat();
    let mut sheet = [u32s(&[0]), vec![0, sheet_type, name.len() as u8, 0]].concat();
    sheet.extend(name.as_bytes());
    let bound = [u16s(&[0x0085, sheet.len() as u16]), sheet].concat();
    let mut out = [bof, bound, u16s(&[0x000a, 0])].concat();
    out.resize(len.max(out.len()), 0);
    out
}

/// A Word 97 document with a VBA project: `Macros/VBA/{dir, _VBA_PROJECT}` and
/// `Macros/PROJECT`, as Word saves one.
pub(crate) fn macro_doc() -> Vec<u8> {
    let fib = [u16s(&[0xa5ec, 0x00c1, 0, 0, 0, 0]), vec![0; 4096]].concat();
    let mut nodes = vec![
        stream("WordDocument", fib),                             // 1
        stream("1Table", vec![0; 600]),                          // 2
        storage("Macros", 4),                                    // 3
        storage("VBA", 6),                                       // 4
        stream("PROJECT", b"ID=\"{00000000}\"\r\n".to_vec()),    // 5
        stream("dir", vec![1, 0x30, 0xb2]),                      // 6
        stream("_VBA_PROJECT", vec![0xcc, 0x61, 0xff, 0xff, 0]), // 7
        stream("ThisDocument", b"Attribute VB_Name".to_vec()),   // 8
    ];
    siblings(&mut nodes, &[&[1, 2, 3], &[4, 5], &[6, 7, 8]]);
    compound(&nodes)
}

/// An uncompressed PDF with `objects` (each `N 0 obj … endobj` written in full) after a
/// catalog, with a cross-reference table (offsets not checked by our reader, but right).
pub(crate) fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for object in objects {
        offsets.push(out.len());
        out.extend(object);
        out.extend(b"\n");
    }
    let xref_at = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    let trailer = format!(
        "trailer<</Size {}/Root 1 0 R>>\nstartxref\n{xref_at}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend(trailer.as_bytes());
    out
}

/// Object `number` with `body` (a dictionary or other value).
pub(crate) fn object(number: u32, body: &str) -> Vec<u8> {
    format!("{number} 0 obj\n{body}\nendobj").into_bytes()
}

/// Object `number`: a stream with `dictionary` entries (without `/Length`) and `data`.
pub(crate) fn stream_object(number: u32, dictionary: &str, data: &[u8]) -> Vec<u8> {
    let head = format!(
        "{number} 0 obj\n<<{dictionary}/Length {}>>\nstream\n",
        data.len()
    );
    [head.as_bytes(), data, b"\nendstream\nendobj"].concat()
}

/// An object stream holding `objects` (numbered from `first_number`), FlateDecode compressed
/// when `compress`; `extra` goes into its dictionary.
pub(crate) fn object_stream(
    number: u32,
    first_number: u32,
    objects: &[&str],
    compress: bool,
    extra: &str,
) -> Vec<u8> {
    let (mut index, mut body) = (String::new(), String::new());
    for (i, object) in objects.iter().enumerate() {
        index.push_str(&format!("{} {} ", first_number + i as u32, body.len()));
        body.push_str(object);
        body.push('\n');
    }
    let content = format!("{index}{body}");
    let dictionary = format!(
        "/Type/ObjStm/N {}/First {}{extra}{}",
        objects.len(),
        index.len(),
        if compress { "/Filter/FlateDecode" } else { "" }
    );
    let data = if compress {
        miniz_oxide::deflate::compress_to_vec_zlib(content.as_bytes(), 6)
    } else {
        content.into_bytes()
    };
    stream_object(number, &dictionary, &data)
}

/// A catalog and one page, opening with `open_action` (an action dictionary or reference).
pub(crate) fn pdf_opening_with(open_action: &str, more: &[Vec<u8>]) -> Vec<u8> {
    let catalog = format!("<</Type/Catalog/Pages 2 0 R/OpenAction {open_action}>>");
    let mut objects = vec![
        object(1, &catalog),
        object(2, "<</Type/Pages/Kids[3 0 R]/Count 1>>"),
        object(3, "<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>"),
    ];
    objects.extend(more.iter().cloned());
    pdf(&objects)
}
