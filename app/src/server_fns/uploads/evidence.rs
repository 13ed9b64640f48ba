//! One evidence file for the concern being handed in: its kind must be one the legislation
//! asks for, the file passes the checks (`crate::domain::evidence`), and it is kept in the file
//! store before the journey names it.

use leptos::prelude::*;

use super::multipart;
use crate::domain::assistant::{evidence_kinds, Answer, RawAnswer, Step};
use crate::domain::evidence::{check_upload, CaseUploads};
use crate::domain::submission::EvidenceKind;
use crate::ports::Flash;
use crate::server_fns::concern::handover_for;
use crate::server_fns::session;

/// Where the browser goes next.
pub async fn upload(form: multer::Multipart<'static>) -> Result<String, ServerFnError> {
    let services = session::services()?;
    let Some(mut journey) = session::stored(&services).await? else {
        return Ok("/concern/about".to_owned());
    };
    let Some(handover) = handover_for(&services, &journey.answers) else {
        return Ok("/concern/check".to_owned());
    };
    let limits = services.upload_limits.clone();
    let cap = usize::try_from(limits.max_file_bytes).unwrap_or(usize::MAX - 1);
    let form = multipart::read(form, cap).await;
    let back = match form.field("change").map(|field| field.text(8)).as_deref() {
        Some("true") => "/concern/evidence?change=true",
        _ => "/concern/evidence",
    };
    let kind_code = form.field("kind").map(|field| field.text(40));
    let kind = kind_code
        .as_deref()
        .and_then(EvidenceKind::from_code)
        .filter(|kind| evidence_kinds(&journey.answers, &handover).contains(kind));
    let file = form.field("file");
    let bytes = file.map(|file| file.bytes.as_slice()).unwrap_or_default();
    let file_name = file
        .and_then(|file| file.file_name.clone())
        .unwrap_or_default();
    let mut evidence = journey.answers.files(Step::Evidence).to_vec();
    let so_far = CaseUploads {
        files: evidence.len(),
        bytes: evidence.iter().map(|file| file.size).sum(),
    };
    let checked = if form.broken {
        Err("error.upload.too_large".to_owned())
    } else {
        check_upload(bytes, &file_name, so_far, &limits)
            .map_err(|error| error.message_key().to_owned())
    };
    let result =
        match (kind, checked) {
            (None, _) => Err("error.upload.kind".to_owned()),
            (Some(_), Err(key)) => Err(key),
            (Some(kind), Ok(checked)) => services
                .evidence
                .keep(kind, bytes, checked)
                .await
                .map_err(|error| {
                    tracing::error!(%error, "storing an evidence file");
                    "error.upload.store".to_owned()
                }),
        };
    match result {
        Ok(file) => {
            tracing::info!(
                file_type = file.file_type.code(),
                size = file.size,
                "evidence uploaded"
            );
            evidence.push(file);
            journey.answers.set(Step::Evidence, Answer::Files(evidence));
            journey.flash = None;
        }
        Err(error) => {
            journey.flash = Some(Flash {
                key: String::new(),
                step: Step::Evidence,
                raw: RawAnswer {
                    value: kind_code,
                    ..RawAnswer::default()
                },
                error,
            });
        }
    }
    session::save(&services, &mut journey).await?;
    Ok(back.to_owned())
}
