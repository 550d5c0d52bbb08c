//! Reading the refresh's input files: typed access to parsed JSON in which every error names the
//! file and the key, and the checks every input value shares (calendar dates, identifiers,
//! per-token prices). Nothing here reads a file; callers pass the text and the file's name.

pub use atlas_core::catalog::calendar::is_date;
use serde_json::{Map, Value};
use std::fmt;

/// Why an input was rejected: the file, the key inside it (a dotted path, or a line), and the
/// problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file, as the user named it.
    pub file: String,
    /// Where in the file: `amazon.nova-pro-v1:0.regions[2]`, `line 5`, or empty for the whole file.
    pub key: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}: {}: {}", self.file, self.key, self.problem)
        }
    }
}

impl std::error::Error for InputError {}

/// A position in an input file: the file and the path of keys that leads to a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    file: String,
    key: String,
}

impl At {
    /// The top of `file`.
    pub fn file(file: &str) -> At {
        At {
            file: file.to_owned(),
            key: String::new(),
        }
    }

    /// A named place in the file that is not a JSON path, such as `line 5`.
    pub fn place(file: &str, place: impl Into<String>) -> At {
        At {
            file: file.to_owned(),
            key: place.into(),
        }
    }

    /// The member `name` of the object here.
    pub fn field(&self, name: &str) -> At {
        let key = if self.key.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.key)
        };
        At {
            file: self.file.clone(),
            key,
        }
    }

    /// Element `i` of the array here.
    pub fn index(&self, i: usize) -> At {
        At {
            file: self.file.clone(),
            key: format!("{}[{i}]", self.key),
        }
    }

    /// The file's name.
    pub fn file_name(&self) -> &str {
        &self.file
    }

    /// An error at this position.
    pub fn error(&self, problem: impl Into<String>) -> InputError {
        InputError {
            file: self.file.clone(),
            key: self.key.clone(),
            problem: problem.into(),
        }
    }
}

/// Parses `text` as JSON. serde_json already refuses `NaN`, `Infinity` and numbers out of range.
pub fn parse_json(file: &str, text: &str) -> Result<Value, InputError> {
    serde_json::from_str(text).map_err(|e| At::file(file).error(format!("not valid JSON: {e}")))
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The object at `at`.
pub fn object<'v>(value: &'v Value, at: &At) -> Result<&'v Map<String, Value>, InputError> {
    value
        .as_object()
        .ok_or_else(|| at.error(format!("expected an object, found {}", kind(value))))
}

/// The array at `at`.
pub fn array<'v>(value: &'v Value, at: &At) -> Result<&'v [Value], InputError> {
    value
        .as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| at.error(format!("expected an array, found {}", kind(value))))
}

/// The string at `at`.
pub fn string<'v>(value: &'v Value, at: &At) -> Result<&'v str, InputError> {
    value
        .as_str()
        .ok_or_else(|| at.error(format!("expected a string, found {}", kind(value))))
}

/// The boolean at `at`.
pub fn boolean(value: &Value, at: &At) -> Result<bool, InputError> {
    value
        .as_bool()
        .ok_or_else(|| at.error(format!("expected true or false, found {}", kind(value))))
}

/// The number at `at`: finite (JSON numbers always are once parsed) and not negative.
pub fn non_negative(value: &Value, at: &At) -> Result<f64, InputError> {
    let number = value
        .as_f64()
        .ok_or_else(|| at.error(format!("expected a number, found {}", kind(value))))?;
    if !number.is_finite() {
        return Err(at.error(format!("{number} is not a finite number")));
    }
    if number < 0.0 {
        return Err(at.error(format!("{number} is negative")));
    }
    Ok(number)
}

/// The required member `name` of `object`.
pub fn required<'v>(
    object: &'v Map<String, Value>,
    at: &At,
    name: &str,
) -> Result<&'v Value, InputError> {
    object
        .get(name)
        .ok_or_else(|| at.error(format!("missing key {name}")))
}

/// A list of identifiers (Region codes, modalities, API names) at `at`.
pub fn identifiers(value: &Value, at: &At) -> Result<Vec<String>, InputError> {
    array(value, at)?
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let here = at.index(i);
            identifier(string(item, &here)?, &here).map(str::to_owned)
        })
        .collect()
}

/// `text` as an identifier: not empty, no whitespace, no control characters.
pub fn identifier<'t>(text: &'t str, at: &At) -> Result<&'t str, InputError> {
    if text.is_empty() {
        return Err(at.error("empty identifier"));
    }
    if let Some(c) = text.chars().find(|c| c.is_control() || c.is_whitespace()) {
        return Err(at.error(format!(
            "identifier {text:?} contains the character {:?}",
            c
        )));
    }
    Ok(text)
}

/// The date at `at`, checked to be a real calendar date.
pub fn date<'v>(value: &'v Value, at: &At) -> Result<&'v str, InputError> {
    let text = string(value, at)?;
    if is_date(text) {
        Ok(text)
    } else {
        Err(at.error(format!("{text:?} is not a date (YYYY-MM-DD)")))
    }
}

/// Checks an as-of date given on the command line: a real date, and not after `today`.
pub fn check_as_of(option: &str, date: &str, today: &str) -> Result<(), String> {
    if !is_date(date) {
        return Err(format!(
            "{option} {date}: expected a real date written YYYY-MM-DD"
        ));
    }
    if date > today {
        return Err(format!(
            "{option} {date}: a date in the future (today is {today})"
        ));
    }
    Ok(())
}

/// Millionths of a US dollar per million tokens from US dollars per token (× 10¹²), rounded;
/// rejects values that do not fit.
pub fn micro_usd_per_million(usd_per_token: f64, at: &At) -> Result<u64, InputError> {
    let scaled = (usd_per_token * 1e12).round();
    // u64::MAX is about 1.8e19; a price that large is a typo, not a price.
    if !(0.0..1.8e19).contains(&scaled) {
        return Err(at.error(format!("{usd_per_token} USD per token is out of range")));
    }
    Ok(scaled as u64)
}
