//! Share links: a whole plan file carried in a URL fragment, so nothing reaches a server.
//!
//! The form is `#/plan/open/v2.<check>.<payload>`, where the payload is base64url without
//! padding of the raw-deflate compressed UTF-8 plan file (the JSON `atlas recommend` reads) and
//! `<check>` is the Adler-32 checksum of the compressed bytes as eight hex digits: a character
//! changed, lost or re-cased on the way makes the link "damaged" instead of a different plan.
//! Version 1 links (`#/plan/open/v1.<payload>`, no checksum) still open. A fragment that was
//! percent-encoded on the way is decoded first, and the prefix and version are read in any
//! case. Reading a link is a chain of checks, each with its own [`ShareError`]: the fragment,
//! the version, the payload's size (before anything is decoded), the base64url alphabet and
//! length, the checksum, then, after
//! the caller inflates it (compression lives at the edges: natively and in the browser), the
//! inflated size, UTF-8, and the ordinary plan parser with its catalog checks.

use crate::catalog::Catalog;
use crate::plan::{Plan, PlanError};
use std::fmt;

/// What every share link's fragment starts with.
pub const LINK_PREFIX: &str = "#/plan/open/";

/// The link format this build writes (it reads [`OLD_LINK_VERSION`] too).
pub const LINK_VERSION: &str = "v2";

/// The first link format, without a checksum: read, never written.
pub const OLD_LINK_VERSION: &str = "v1";

/// The characters of a link's fragment before its payload, beyond prefix and version:
/// `.<eight hex digits>.`.
pub const CHECK_CHARS: usize = 10;

/// The longest payload read, in characters (about 75 KB compressed, thousands of workloads): a
/// longer one is refused before it is decoded.
pub const MAX_PAYLOAD_CHARS: usize = 100_000;

/// The largest plan file a link may inflate to: decompression stops there, so a small payload
/// that inflates without end cannot freeze the page.
pub const MAX_PLAN_BYTES: usize = 1 << 20;

/// Why inflating a payload failed; the edges that decompress report one of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InflateError {
    /// The data is not a complete raw-deflate stream.
    Corrupt,
    /// It inflates to more than [`MAX_PLAN_BYTES`].
    TooLarge,
}

/// Why a share link cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// There is no `#/plan/open/` in it.
    NotALink,
    /// Its version is not one this build reads.
    UnknownVersion(String),
    /// Nothing follows the version.
    Empty,
    /// The payload is longer than [`MAX_PAYLOAD_CHARS`].
    TooLong(usize),
    /// A character outside base64url, at a 1-based position in the payload.
    BadCharacter {
        /// Where, counting from the payload's first character.
        position: usize,
        /// The character.
        found: char,
    },
    /// The payload's length cannot be base64url: characters are missing at its end.
    Truncated,
    /// The checksum is missing or does not match the payload: the link was changed on the way.
    Damaged,
    /// The payload decodes but does not inflate.
    Corrupt,
    /// The payload inflates past [`MAX_PLAN_BYTES`].
    TooLarge,
    /// The inflated plan file is not UTF-8 text.
    NotText,
    /// The plan file inside is not a valid plan for this catalog.
    Plan(PlanError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotALink => write!(f, "this is not a plan link: it has no \"{LINK_PREFIX}\""),
            ShareError::UnknownVersion(v) => write!(
                f,
                "the link is of version \"{v}\"; this build reads version \"{LINK_VERSION}\" and \"{OLD_LINK_VERSION}\" links"
            ),
            ShareError::Damaged => write!(
                f,
                "this link is damaged: its checksum does not match its plan (a character was changed, lost or re-cased on the way)"
            ),
            ShareError::Empty => write!(f, "the link holds no plan: nothing follows its version"),
            ShareError::TooLong(n) => write!(
                f,
                "the link's plan is {n} characters long; links of at most {MAX_PAYLOAD_CHARS} are read"
            ),
            ShareError::BadCharacter { position, found } => write!(
                f,
                "the link is corrupt: character {position} of its plan is {found:?}, which a link never holds"
            ),
            ShareError::Truncated => {
                write!(f, "the link is truncated: characters are missing at its end")
            }
            ShareError::Corrupt => write!(
                f,
                "the link is truncated or corrupt: its plan does not decompress"
            ),
            ShareError::TooLarge => write!(
                f,
                "the link's plan decompresses to more than {} bytes, more than any plan",
                MAX_PLAN_BYTES
            ),
            ShareError::NotText => write!(f, "the link is corrupt: its plan is not text"),
            ShareError::Plan(e) => write!(f, "the linked plan cannot be used: {e}"),
        }
    }
}

impl std::error::Error for ShareError {}

impl From<InflateError> for ShareError {
    fn from(e: InflateError) -> Self {
        match e {
            InflateError::Corrupt => ShareError::Corrupt,
            InflateError::TooLarge => ShareError::TooLarge,
        }
    }
}

/// The base64url alphabet (RFC 4648 §5).
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` as base64url without padding.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

fn sextet(c: u8) -> Option<u32> {
    let value = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

/// Decodes base64url without padding, naming the first character that does not belong.
pub fn from_base64url(text: &str) -> Result<Vec<u8>, ShareError> {
    if let Some((i, found)) = text
        .chars()
        .enumerate()
        .find(|(_, c)| u8::try_from(*c).ok().and_then(sextet).is_none())
    {
        return Err(ShareError::BadCharacter {
            position: i + 1,
            found,
        });
    }
    if text.len() % 4 == 1 {
        return Err(ShareError::Truncated);
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &c)| {
            n | sextet(c).unwrap_or(0) << (18 - 6 * i)
        });
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

/// The checksum of a link's compressed plan file.
fn checksum(deflated: &[u8]) -> u32 {
    adler2::adler32_slice(deflated)
}

/// The fragment of a link to the compressed plan file `deflated`:
/// `#/plan/open/v2.<check>.<payload>`.
pub fn fragment(deflated: &[u8]) -> String {
    format!(
        "{LINK_PREFIX}{LINK_VERSION}.{:08x}.{}",
        checksum(deflated),
        base64url(deflated)
    )
}

/// `link` with percent-escapes decoded (a link never holds `%`: a fragment encoded on the way,
/// such as `%23%2Fplan%2Fopen%2F…`, reads as the link it was); escapes that are not UTF-8 are
/// left as written, and the link is then refused for its `%`.
fn decoded(link: &str) -> std::borrow::Cow<'_, str> {
    percent_encoding::percent_decode_str(link)
        .decode_utf8()
        .unwrap_or(link.into())
}

/// Where the link's text after [`LINK_PREFIX`] starts, the prefix read in any case.
fn after_prefix(link: &str) -> Option<usize> {
    link.to_ascii_lowercase()
        .find(LINK_PREFIX)
        .map(|start| start + LINK_PREFIX.len())
}

/// Whether a URL fragment (`location.hash`) is a share link, of any version, also when it was
/// percent-encoded or re-cased on the way (it then opens or says why it cannot).
pub fn is_share_fragment(hash: &str) -> bool {
    after_prefix(&decoded(hash)) == Some(LINK_PREFIX.len())
}

/// The compressed plan file a link carries, checked up to what can be checked before it is
/// inflated. `link` is a whole URL, or its fragment alone.
pub fn payload(link: &str) -> Result<Vec<u8>, ShareError> {
    let link = decoded(link);
    let start = after_prefix(&link).ok_or(ShareError::NotALink)?;
    let rest = link[start..].trim_end();
    let (version, encoded) = rest.split_once('.').unwrap_or((rest, ""));
    let checked = version.eq_ignore_ascii_case(LINK_VERSION);
    if !checked && !version.eq_ignore_ascii_case(OLD_LINK_VERSION) {
        let shown: String = version.chars().take(20).collect();
        return Err(ShareError::UnknownVersion(shown));
    }
    let (check, encoded) = if checked {
        let (check, encoded) = encoded.split_once('.').ok_or(ShareError::Damaged)?;
        let check = (check.len() == 8)
            .then(|| u32::from_str_radix(check, 16).ok())
            .flatten()
            .ok_or(ShareError::Damaged)?;
        (Some(check), encoded)
    } else {
        (None, encoded)
    };
    if encoded.is_empty() {
        return Err(ShareError::Empty);
    }
    if encoded.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::TooLong(encoded.chars().count()));
    }
    let deflated = from_base64url(encoded)?;
    // A changed last character can leave the bytes as they were (its unused low bits): the
    // link still differs from the one written, so it is damaged too.
    match check {
        Some(check) if check != checksum(&deflated) || base64url(&deflated) != encoded => {
            Err(ShareError::Damaged)
        }
        _ => Ok(deflated),
    }
}

/// A plan opened from a link: the plan file's text exactly as it was encoded, and the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedPlan<'c> {
    /// The plan file, as encoded.
    pub text: String,
    /// The plan, checked against the catalog.
    pub plan: Plan<'c>,
}

/// Finishes reading a link once its payload is inflated (or failed to): the size, the text, the
/// plan and its catalog references.
pub fn open<'c>(
    inflated: Result<Vec<u8>, InflateError>,
    catalog: &'c Catalog,
) -> Result<SharedPlan<'c>, ShareError> {
    let bytes = inflated?;
    if bytes.len() > MAX_PLAN_BYTES {
        return Err(ShareError::TooLarge);
    }
    let text = String::from_utf8(bytes).map_err(|_| ShareError::NotText)?;
    let plan = Plan::parse(&text, catalog).map_err(ShareError::Plan)?;
    Ok(SharedPlan { text, plan })
}

/// Reads a link with a synchronous `inflate` (natively): [`payload`], then [`open`].
pub fn read<'c>(
    link: &str,
    catalog: &'c Catalog,
    inflate: impl FnOnce(&[u8], usize) -> Result<Vec<u8>, InflateError>,
) -> Result<SharedPlan<'c>, ShareError> {
    let deflated = payload(link)?;
    open(inflate(&deflated, MAX_PLAN_BYTES), catalog)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length_and_byte() {
        // Columns: input length 0..=9 over every byte value, so each padding case is covered.
        for len in 0..10usize {
            for start in 0..=255u8 {
                let bytes: Vec<u8> = (0..len)
                    .map(|i| start.wrapping_add((i * 37) as u8))
                    .collect();
                let text = base64url(&bytes);
                assert!(!text.contains('='));
                assert_eq!(from_base64url(&text), Ok(bytes), "{text}");
            }
        }
        // RFC 4648 test vectors, unpadded and URL-safe.
        assert_eq!(base64url(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn each_check_names_its_problem() {
        // Columns: link, the error it gives.
        let cases: [(&str, ShareError); 11] = [
            ("https://x/plan/", ShareError::NotALink),
            (
                "#/plan/open/v3.AAAA",
                ShareError::UnknownVersion("v3".into()),
            ),
            (
                "#/plan/open/AAAA",
                ShareError::UnknownVersion("AAAA".into()),
            ),
            ("#/plan/open/v1.", ShareError::Empty),
            ("#/plan/open/v2.AAAA", ShareError::Damaged),
            ("#/plan/open/v2.0000000.AAAA", ShareError::Damaged),
            ("#/plan/open/v2.00000000.AAAA", ShareError::Damaged),
            ("#/plan/open/v2.00000001.", ShareError::Empty),
            ("#/plan/open/v1.AAAAA", ShareError::Truncated),
            (
                "#/plan/open/v1.AB+C",
                ShareError::BadCharacter {
                    position: 3,
                    found: '+',
                },
            ),
            (
                "#/plan/open/v1.AAé",
                ShareError::BadCharacter {
                    position: 3,
                    found: 'é',
                },
            ),
        ];
        for (link, error) in cases {
            assert_eq!(payload(link), Err(error), "{link}");
        }
        let long = format!("#/plan/open/v1.{}", "A".repeat(MAX_PAYLOAD_CHARS + 1));
        assert_eq!(
            payload(&long),
            Err(ShareError::TooLong(MAX_PAYLOAD_CHARS + 1))
        );
    }
}
