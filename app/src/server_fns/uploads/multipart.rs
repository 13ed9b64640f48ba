//! Reading a multipart form as it streams in, each field stopped at one byte over a limit (so
//! "too large" is known without reading the rest).

/// One field of the form.
#[derive(Debug, Default)]
pub struct Field {
    pub name: String,
    /// The name of the chosen file, for a file field ("" when none was chosen).
    pub file_name: Option<String>,
    pub bytes: Vec<u8>,
}

impl Field {
    /// The field as text (at most `chars` characters).
    pub fn text(&self, chars: usize) -> String {
        String::from_utf8_lossy(&self.bytes)
            .chars()
            .take(chars)
            .collect()
    }
}

/// What the form sent.
#[derive(Debug, Default)]
pub struct Form {
    pub fields: Vec<Field>,
    /// The body could not be read to its end: too large, or cut off.
    pub broken: bool,
}

impl Form {
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|field| field.name == name)
    }
}

/// Reads the fields in order. A field that reaches `cap + 1` bytes ends the reading there (the
/// fields after it are not read).
pub async fn read(mut form: multer::Multipart<'static>, cap: usize) -> Form {
    let mut read = Form::default();
    let stop = cap.saturating_add(1);
    loop {
        let mut field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return read,
            Err(_) => {
                read.broken = true;
                return read;
            }
        };
        let mut part = Field {
            name: field.name().unwrap_or_default().to_owned(),
            file_name: field.file_name().map(str::to_owned),
            bytes: Vec::new(),
        };
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    let room = stop.saturating_sub(part.bytes.len());
                    part.bytes
                        .extend_from_slice(&chunk[..chunk.len().min(room)]);
                    if part.bytes.len() >= stop {
                        read.fields.push(part);
                        return read;
                    }
                }
                Ok(None) => break,
                Err(_) => {
                    read.broken = true;
                    read.fields.push(part);
                    return read;
                }
            }
        }
        read.fields.push(part);
    }
}
