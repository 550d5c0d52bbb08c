//! Identifier newtypes, so a Region code is never confused with a model ID.

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
    /// The ID of a provenance source listed in the catalog's metadata.
    SourceId
);

/// A profile's scope: global (any commercial Region) or a geography, named by the prefix of its
/// profile IDs (`eu`, `apac`, `us-gov`). Written as that prefix, `global` for the global scope;
/// ordered by it, so lists of scopes sort as their prefixes do.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Global profiles: any commercial Region.
    Global,
    /// A geographic profile's prefix.
    Geographic(String),
}

impl Scope {
    /// How the global scope is written.
    const GLOBAL: &'static str = "global";

    /// The scope written `raw`: `global`, or a geographic prefix.
    pub fn new(raw: impl Into<String>) -> Scope {
        let raw = raw.into();
        if raw == Scope::GLOBAL {
            Scope::Global
        } else {
            Scope::Geographic(raw)
        }
    }

    /// The prefix, `global` for the global scope.
    pub fn as_str(&self) -> &str {
        match self {
            Scope::Global => Scope::GLOBAL,
            Scope::Geographic(prefix) => prefix,
        }
    }

    /// Whether this is the global scope (any commercial Region).
    pub fn is_global(&self) -> bool {
        matches!(self, Scope::Global)
    }

    /// The label of an option through a profile of this scope: `Global profile`, or
    /// `Geographic (EU)`; every view of an option uses it.
    pub fn option_label(&self) -> String {
        match self {
            Scope::Global => "Global profile".into(),
            Scope::Geographic(_) => format!("Geographic ({})", self.label()),
        }
    }

    /// A human label: `EU`, `Japan`, `Global`, ...
    pub fn label(&self) -> String {
        match self.as_str() {
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

impl PartialOrd for Scope {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Scope {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Scope {
    fn from(raw: &str) -> Self {
        Scope::new(raw)
    }
}

impl Serialize for Scope {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Scope {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Scope::new)
    }
}
