//! Today's date, for the plan's evaluation: the domain takes it as an input (end-of-life warnings
//! and Provisioned Throughput terms depend on it) and never reads a clock itself. In the browser
//! it is the user's local date; natively (prerendering) the system's UTC date.

use atlas_core::catalog::calendar::Day;

const MS_PER_DAY: f64 = 86_400_000.0;

/// Today, by the browser's clock in the user's time zone.
#[cfg(target_arch = "wasm32")]
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    // getTimezoneOffset is UTC minus local time, in minutes.
    let local_ms = now.get_time() - now.get_timezone_offset() * 60_000.0;
    Day::from_epoch_days((local_ms / MS_PER_DAY).floor() as i64)
}

/// Today (UTC), by the system clock.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> Day {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64);
    Day::from_epoch_days((ms / MS_PER_DAY).floor() as i64)
}
