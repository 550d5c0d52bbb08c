//! Identifier newtypes, so a Region code is never confused with a model ID. `build.rs` compiles
//! this file too (with [`crate::catalog::schema`]), so it imports nothing from the crate.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! identifier {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a raw string. No validation happens here; the catalog checks references.
            pub fn new(raw: impl Into<String>) -> Self {
                Self(raw.into())
            }

            /// The raw string.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(raw: &str) -> Self {
                Self(raw.to_owned())
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

identifier!(
    /// An AWS Region code such as `eu-central-1`.
    RegionCode
);
identifier!(
    /// A Bedrock foundation model ID such as `anthropic.claude-sonnet-4-5-20250929-v1:0`.
    ModelId
);
identifier!(
    /// A system-defined inference profile ID such as `eu.anthropic.claude-sonnet-4-5-20250929-v1:0`.
    ProfileId
);
identifier!(
    /// An ISO 3166-1 alpha-2 country code such as `DE`.
    CountryCode
);
identifier!(
    /// A named group of countries in the catalog, such as `EU`.
    GeographyId
);
identifier!(
    /// A profile's scope: `global` or a geographic prefix such as `eu`, `apac` or `us-gov`.
    Scope
);
identifier!(
    /// The ID of a provenance source listed in the catalog's metadata.
    SourceId
);

impl Scope {
    /// The scope of global profiles.
    pub const GLOBAL: &'static str = "global";

    /// Whether this is the global scope (any commercial Region).
    pub fn is_global(&self) -> bool {
        self.0 == Self::GLOBAL
    }

    /// The label of an option through a profile of this scope: `Global profile`, or
    /// `Geographic (EU)`; the comparison table, the explorer and the profile page all use it.
    pub fn option_label(&self) -> String {
        if self.is_global() {
            "Global profile".into()
        } else {
            format!("Geographic ({})", self.label())
        }
    }

    /// A human label: `EU`, `Japan`, `Global`, ...
    pub fn label(&self) -> String {
        match self.0.as_str() {
            "global" => "Global".into(),
            "us" => "US".into(),
            "eu" => "EU".into(),
            "apac" => "APAC".into(),
            "jp" => "Japan".into(),
            "au" => "Australia".into(),
            "ca" => "Canada".into(),
            "in" => "India".into(),
            "us-gov" => "US GovCloud".into(),
            other => other.to_uppercase(),
        }
    }
}
