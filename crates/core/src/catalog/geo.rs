//! Distances on the globe: great-circle kilometres and the round-trip time light needs in fibre,
//! and fixed-point formatting of such figures. Pure arithmetic, no catalog.

/// Mean Earth radius in kilometres.
const EARTH_RADIUS_KM: f64 = 6371.0;

/// Light in fibre covers about 200 km per millisecond one way, so about 100 km of distance per
/// millisecond of round trip.
const KM_PER_MS_ROUND_TRIP: f64 = 100.0;

/// Great-circle distance in km between two points given in degrees (haversine formula).
pub fn great_circle_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

/// A lower bound on the extra round trip to travel `km` and back in fibre, in milliseconds.
pub fn round_trip_ms(km: f64) -> f64 {
    km / KM_PER_MS_ROUND_TRIP
}

/// `value` with `decimals` fraction digits (at most 3), rounded half away from zero. Written
/// with integer arithmetic so the WebAssembly build carries no float-formatting code.
pub fn fixed(value: f64, decimals: u32) -> String {
    let decimals = decimals.min(3);
    let scale = 10_i64.pow(decimals);
    if !value.is_finite() {
        return "0".into();
    }
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let magnitude = scaled.unsigned_abs();
    let whole = magnitude / scale as u64;
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = magnitude % scale as u64;
    format!(
        "{sign}{whole}.{fraction:0width$}",
        width = decimals as usize
    )
}
