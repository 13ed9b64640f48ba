//! A form whose fields are not known in advance, posted to a server function as it is.
//!
//! Most server functions name their arguments, and Leptos decodes the form into them. A breach
//! report's part has its own fields for each part (date boxes named `aware.day`, ticks that
//! repeat their name), so its server functions take the whole form, in order, as
//! [`FormFields`]: the [`UrlEncodedForm`] input encoding reads the body of a plain
//! `application/x-www-form-urlencoded` post into it, exactly as the browser sent it.

use http::Method;
use serde::{Deserialize, Serialize};
use server_fn::codec::Encoding;
use server_fn::ContentType;

/// The fields of a posted form, in the order they were sent (a repeated name repeats).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormFields(pub Vec<(String, String)>);

impl FormFields {
    /// The first value sent under `name`, if any.
    pub fn get(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    }

    /// The first value sent under `name`, or empty.
    pub fn value(&self, name: &str) -> String {
        self.get(name).unwrap_or_default()
    }

    /// The fields without those named in `names` (the form's own controls, such as the part it
    /// answers).
    pub fn without(&self, names: &[&str]) -> Vec<(String, String)> {
        self.0
            .iter()
            .filter(|(key, _)| !names.contains(&key.as_str()))
            .cloned()
            .collect()
    }

    /// Reads an `application/x-www-form-urlencoded` body.
    pub fn parse(body: &str) -> Self {
        Self(
            form_urlencoded::parse(body.as_bytes())
                .map(|(key, value)| (key.into_owned(), value.into_owned()))
                .collect(),
        )
    }

    /// Writes the fields as an `application/x-www-form-urlencoded` body.
    pub fn encode(&self) -> String {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.0.iter())
            .finish()
    }
}

/// The input encoding of a server function whose one argument is a [`FormFields`].
pub struct UrlEncodedForm;

impl ContentType for UrlEncodedForm {
    const CONTENT_TYPE: &'static str = "application/x-www-form-urlencoded";
}

impl Encoding for UrlEncodedForm {
    const METHOD: Method = Method::POST;
}

/// Lets server functions whose one argument is a [`FormFields`] take [`UrlEncodedForm`] input
/// (the arguments struct the `#[server]` macro makes converts to and from its one field).
#[macro_export]
macro_rules! form_fields_input {
    ($($args:ty),+ $(,)?) => {$(
        impl<E, Request> server_fn::codec::FromReq<$crate::server_fns::form_fields::UrlEncodedForm, Request, E>
            for $args
        where
            Request: server_fn::request::Req<E> + Send + 'static,
            E: server_fn::error::FromServerFnError,
        {
            async fn from_req(request: Request) -> Result<Self, E> {
                let body = request.try_into_string().await?;
                Ok($crate::server_fns::form_fields::FormFields::parse(&body).into())
            }
        }

        impl<E, Request> server_fn::codec::IntoReq<$crate::server_fns::form_fields::UrlEncodedForm, Request, E>
            for $args
        where
            Request: server_fn::request::ClientReq<E>,
            E: server_fn::error::FromServerFnError,
        {
            fn into_req(self, path: &str, accepts: &str) -> Result<Request, E> {
                use server_fn::ContentType as _;
                let fields: $crate::server_fns::form_fields::FormFields = self.into();
                Request::try_new_post(
                    path,
                    $crate::server_fns::form_fields::UrlEncodedForm::CONTENT_TYPE,
                    accepts,
                    fields.encode(),
                )
            }
        }
    )+};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_reads_back_in_order_with_repeated_names_and_escapes() {
        let body = "part=timing&aware.day=3&kinds=a&kinds=b&text=caf%C3%A9+%26+bar";
        let fields = FormFields::parse(body);
        assert_eq!(
            fields.0,
            vec![
                ("part".to_owned(), "timing".to_owned()),
                ("aware.day".to_owned(), "3".to_owned()),
                ("kinds".to_owned(), "a".to_owned()),
                ("kinds".to_owned(), "b".to_owned()),
                ("text".to_owned(), "café & bar".to_owned()),
            ]
        );
        assert_eq!(fields.value("kinds"), "a");
        assert_eq!(fields.value("missing"), "");
        assert_eq!(fields.without(&["part", "kinds"]).len(), 2);
        assert_eq!(FormFields::parse(&fields.encode()), fields);
    }
}
