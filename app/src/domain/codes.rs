//! The one macro for enums spoken as codes: readiness routes and reasons, case types, sectors,
//! sift flags. Each gets `code`, `all`, `codes`, `from_code`, `Display` and serde impls that all
//! use the same code strings, so pages, APIs and storage never disagree.
//!
//! `code_enum! { Name { Variant => "code", … } }` matches codes exactly (the readiness contract);
//! `code_enum! { lenient Name { … } }` ignores ASCII case and surrounding white space (staff input).

macro_rules! code_enum {
    (@matching $matches:expr;
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident => $code:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$variant_meta])* $variant, )+
        }

        impl $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];
            const CODES: &'static [&'static str] = &[$($code),+];

            /// The code.
            pub fn code(&self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// Every value, in declaration order.
            pub fn all() -> &'static [$name] {
                Self::ALL
            }

            /// Every code, in declaration order.
            pub fn codes() -> &'static [&'static str] {
                Self::CODES
            }

            /// The value with this code, if any.
            pub fn from_code(code: &str) -> Option<$name> {
                let matches: fn(&str, &str) -> bool = $matches;
                Self::ALL.iter().copied().find(|value| matches(value.code(), code))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = String::deserialize(deserializer)?;
                $name::from_code(&code)
                    .ok_or_else(|| serde::de::Error::unknown_variant(&code, Self::CODES))
            }
        }
    };
    (lenient $($body:tt)*) => {
        code_enum!(@matching |known: &str, given: &str| known.eq_ignore_ascii_case(given.trim()); $($body)*);
    };
    ($($body:tt)*) => {
        code_enum!(@matching |known: &str, given: &str| known == given; $($body)*);
    };
}
