//! The route map's geometry: an equirectangular projection of latitude and longitude onto the
//! coordinates of the world outline shipped in `static/world.svg`, every Region as a marker with
//! labels placed so they do not overlap, one route line from a source Region to each destination,
//! and the countries to shade. Plain data: the view draws exactly what this computes.

use crate::catalog::order;
use crate::catalog::Catalog;

use crate::catalog::geo::{fixed, great_circle_km};
use crate::catalog::ids::RegionCode;
use crate::catalog::schema::Region;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Map units per degree of latitude or longitude. `static/world.svg` was converted with the same
/// value; a test checks that its `viewBox` is `0 0 WIDTH HEIGHT`.
pub const UNITS_PER_DEGREE: f64 = 4.0;
/// The northernmost latitude drawn (the north tip of Greenland).
pub const LAT_TOP: f64 = 84.0;
/// The southernmost latitude drawn (south of Tierra del Fuego: Antarctica hosts no Region).
pub const LAT_BOTTOM: f64 = -57.0;
/// Width of the whole map, in map units.
pub const WIDTH: f64 = 360.0 * UNITS_PER_DEGREE;
/// Height of the whole map, in map units.
pub const HEIGHT: f64 = (LAT_TOP - LAT_BOTTOM) * UNITS_PER_DEGREE;

/// Width over height of a zoomed view, so the figure keeps one shape on every profile.
const ZOOM_ASPECT: f64 = 2.0;
/// The narrowest zoomed view: 50 degrees of longitude.
const MIN_ZOOM_WIDTH: f64 = 50.0 * UNITS_PER_DEGREE;
/// Label text size as a fraction of the view's width; about 12 px on a 700 px wide figure.
const FONT_FRACTION: f64 = 1.0 / 58.0;
/// Marker radius as a fraction of the view's width.
const MARKER_FRACTION: f64 = 1.0 / 180.0;
/// Average advance of one character of the label font, as a fraction of the font size. Labels are
/// Region codes: lowercase letters, digits and hyphens.
const CHAR_ADVANCE: f64 = 0.58;

/// A point in map units: `x` grows east, `y` grows south.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
}

/// Projects a latitude and longitude in degrees onto the map (equirectangular). Latitudes beyond
/// the drawn band are clamped to its edge.
pub fn project(lat: f64, lon: f64) -> Point {
    Point {
        x: (lon.clamp(-180.0, 180.0) + 180.0) * UNITS_PER_DEGREE,
        y: (LAT_TOP - lat.clamp(LAT_BOTTOM, LAT_TOP)) * UNITS_PER_DEGREE,
    }
}

/// The visible part of the map, in map units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl ViewBox {
    /// The whole map.
    pub const WORLD: ViewBox = ViewBox {
        x: 0.0,
        y: 0.0,
        width: WIDTH,
        height: HEIGHT,
    };

    fn contains(&self, b: &Bounds) -> bool {
        b.left >= self.x
            && b.right <= self.x + self.width
            && b.top >= self.y
            && b.bottom <= self.y + self.height
    }
}

impl fmt::Display for ViewBox {
    /// The value of an SVG `viewBox` attribute.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} {}",
            fixed(self.x, 1),
            fixed(self.y, 1),
            fixed(self.width, 1),
            fixed(self.height, 1)
        )
    }
}

/// What a Region is on the current map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Neither source nor destination.
    Other,
    /// A destination only.
    Destination,
    /// The source, which is not a destination.
    Source,
    /// The source, which is also one of its own destinations.
    SourceAndDestination,
}

impl Role {
    /// A class name for the view, such as `role-source`.
    pub fn class(self) -> &'static str {
        match self {
            Role::Other => "role-other",
            Role::Destination => "role-destination",
            Role::Source => "role-source",
            Role::SourceAndDestination => "role-source role-destination",
        }
    }

    /// Plain words for a tooltip or a list.
    pub fn describe(self) -> &'static str {
        match self {
            Role::Other => "not involved",
            Role::Destination => "destination",
            Role::Source => "source",
            Role::SourceAndDestination => "source and destination",
        }
    }

    fn involved(self) -> bool {
        self != Role::Other
    }
}

/// Where a label's text is anchored, as in SVG `text-anchor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The text starts at the point.
    Start,
    /// The text is centred on the point.
    Middle,
    /// The text ends at the point.
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A Region's visible label.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The text baseline's anchor point.
    pub at: Point,
    /// How the text sits on `at`.
    pub anchor: Anchor,
    /// A line from the marker to the label, when the label had to move away from its marker.
    pub leader: Option<(Point, Point)>,
}

/// One Region on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker<'a> {
    /// The Region.
    pub region: &'a Region,
    /// Its part in the routes shown.
    pub role: Role,
    /// Where it is drawn.
    pub at: Point,
    /// Its visible label, when one fits without covering another; every marker also carries its
    /// name as a tooltip and every involved one is listed in the text alternative.
    pub label: Option<Label>,
}

/// One route from the source to a destination.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteLine<'a> {
    /// The destination.
    pub to: &'a Region,
    /// SVG path data of the line: a gentle curve, a loop when the destination is the source
    /// itself, and two pieces (one leaving each edge) when the short way crosses the date line.
    pub path: String,
    /// SVG path data of the arrowhead at the destination; empty for a loop.
    pub arrow: String,
    /// Great-circle distance from the source, in km.
    pub km: f64,
}

/// How a country is shaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade {
    /// The source Region's country, where no destination lies.
    Source,
    /// A country where a prompt may be processed.
    Destination,
    /// The source's country, where a prompt may also be processed.
    SourceAndDestination,
}

impl Shade {
    /// A class name for the view.
    pub fn class(self) -> &'static str {
        match self {
            Shade::Source => "shade-source",
            Shade::Destination => "shade-destination",
            Shade::SourceAndDestination => "shade-source shade-destination",
        }
    }
}

/// Everything the route map draws.
#[derive(Debug, Clone, PartialEq)]
pub struct MapView<'a> {
    /// The part of the world shown: the involved Regions with a margin, or the whole map.
    pub view_box: ViewBox,
    /// Label size, in map units.
    pub font_size: f64,
    /// Marker radius, in map units.
    pub marker_radius: f64,
    /// Every Region of the catalog: uninvolved first, then destinations, then the source, so the
    /// involved ones are drawn on top.
    pub markers: Vec<Marker<'a>>,
    /// One line per destination, in the order given.
    pub routes: Vec<RouteLine<'a>>,
    /// Countries to shade, by ISO code.
    pub shaded: BTreeMap<&'a str, Shade>,
}

impl MapView<'_> {
    /// The map in one sentence, for the SVG's description: the source and where it may send a
    /// prompt, or the destinations alone.
    pub fn summary(&self) -> String {
        let source = self
            .markers
            .iter()
            .find(|m| matches!(m.role, Role::Source | Role::SourceAndDestination));
        let dests: Vec<String> = self
            .markers
            .iter()
            .filter(|m| matches!(m.role, Role::Destination | Role::SourceAndDestination))
            .map(|m| format!("{} ({})", m.region.code, m.region.name))
            .collect();
        let count = match dests.len() {
            1 => "1 destination Region".to_owned(),
            n => format!("{n} destination Regions"),
        };
        match source {
            Some(s) => format!(
                "Routes from the source Region {} ({}) to {count}: {}.",
                s.region.code,
                s.region.name,
                dests.join(", ")
            ),
            None => format!("{count}, no source Region chosen: {}.", dests.join(", ")),
        }
    }
}

/// A distance in whole kilometres with thousands separators, such as `9,120 km`.
pub fn format_km(km: f64) -> String {
    let digits = fixed(km.max(0.0), 0);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out} km")
}

/// An axis-aligned box, for label collisions.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bounds {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Bounds {
    fn overlaps(&self, other: &Bounds) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    fn around(p: Point, r: f64) -> Bounds {
        Bounds {
            left: p.x - r,
            top: p.y - r,
            right: p.x + r,
            bottom: p.y + r,
        }
    }
}

/// Computes the map of routes from `source` to `destinations` (unknown Region codes are left
/// out). Without a source it marks the destinations and draws no line.
pub fn route_map<'a>(
    catalog: &'a Catalog,
    source: Option<&RegionCode>,
    destinations: &[RegionCode],
) -> MapView<'a> {
    let source = source.and_then(|s| catalog.region(s));
    let dests: Vec<&'a Region> = {
        let mut seen = BTreeSet::new();
        destinations
            .iter()
            .filter_map(|d| catalog.region(d))
            .filter(|r| seen.insert(r.code.as_str()))
            .collect()
    };
    let dest_codes: BTreeSet<&str> = dests.iter().map(|r| r.code.as_str()).collect();
    let role_of = |r: &Region| {
        let is_dest = dest_codes.contains(r.code.as_str());
        let is_source = source.is_some_and(|s| s.code == r.code);
        match (is_source, is_dest) {
            (true, true) => Role::SourceAndDestination,
            (true, false) => Role::Source,
            (false, true) => Role::Destination,
            (false, false) => Role::Other,
        }
    };
    let involved: Vec<Point> = source
        .into_iter()
        .chain(dests.iter().copied())
        .map(|r| project(r.lat, r.lon))
        .collect();
    let view_box = fit(&involved);
    let font_size = view_box.width * FONT_FRACTION;
    let marker_radius = view_box.width * MARKER_FRACTION;

    let mut markers: Vec<Marker<'a>> = catalog
        .regions
        .iter()
        .map(|r| Marker {
            region: r,
            role: role_of(r),
            at: project(r.lat, r.lon),
            label: None,
        })
        .collect();
    // Drawing order: uninvolved, destinations, source; Region code within each.
    order::sort_by(&mut markers, |a, b| {
        (a.role, a.region.code.as_str()).cmp(&(b.role, b.region.code.as_str()))
    });
    place_labels(&mut markers, view_box, font_size, marker_radius);

    let routes = match source {
        None => Vec::new(),
        Some(s) => dests
            .iter()
            .map(|d| route_line(s, d, marker_radius))
            .collect(),
    };

    let mut shaded: BTreeMap<&'a str, Shade> = BTreeMap::new();
    for d in &dests {
        shaded.insert(d.country.as_str(), Shade::Destination);
    }
    if let Some(s) = source {
        let shade = match shaded.get(s.country.as_str()) {
            Some(_) => Shade::SourceAndDestination,
            None => Shade::Source,
        };
        shaded.insert(s.country.as_str(), shade);
    }

    MapView {
        view_box,
        font_size,
        marker_radius,
        markers,
        routes,
        shaded,
    }
}

/// The view that shows every point with a margin: the whole map when they are spread over more
/// than it can zoom, otherwise a box of fixed shape centred on them.
fn fit(points: &[Point]) -> ViewBox {
    let Some(first) = points.first() else {
        return ViewBox::WORLD;
    };
    let (mut left, mut right, mut top, mut bottom) = (first.x, first.x, first.y, first.y);
    for p in points {
        left = left.min(p.x);
        right = right.max(p.x);
        top = top.min(p.y);
        bottom = bottom.max(p.y);
    }
    // Room for labels beside the outermost markers, and a margin all round.
    let mut width = ((right - left) * 1.5 + 30.0 * UNITS_PER_DEGREE).max(MIN_ZOOM_WIDTH);
    let mut height = (bottom - top) * 1.4 + 16.0 * UNITS_PER_DEGREE;
    if width / height < ZOOM_ASPECT {
        width = height * ZOOM_ASPECT;
    } else {
        height = width / ZOOM_ASPECT;
    }
    if width >= WIDTH * 0.8 || height >= HEIGHT {
        return ViewBox::WORLD;
    }
    let cx = (left + right) / 2.0;
    let cy = (top + bottom) / 2.0;
    ViewBox {
        x: (cx - width / 2.0).clamp(0.0, WIDTH - width),
        y: (cy - height / 2.0).clamp(0.0, HEIGHT - height),
        width,
        height,
    }
}

/// Gives each marker a label that fits inside the view without covering another label or an
/// involved marker. Involved markers are placed first and may move away from their point on a
/// leader line; uninvolved ones only get a label right beside their point.
fn place_labels(markers: &mut [Marker<'_>], view: ViewBox, font: f64, radius: f64) {
    let mut taken: Vec<Bounds> = markers
        .iter()
        .filter(|m| m.role.involved())
        .map(|m| Bounds::around(m.at, radius * 1.2))
        .collect();
    let mut order: Vec<usize> = (0..markers.len()).collect();
    // Source first, then destinations, then the rest; Region code within each.
    order::sort_by(&mut order, |&a, &b| {
        (
            std::cmp::Reverse(markers[a].role),
            markers[a].region.code.as_str(),
        )
            .cmp(&(
                std::cmp::Reverse(markers[b].role),
                markers[b].region.code.as_str(),
            ))
    });
    for i in order {
        let marker = &markers[i];
        let text_width = marker.region.code.as_str().chars().count() as f64 * font * CHAR_ADVANCE;
        let reach: &[f64] = if marker.role.involved() {
            &[1.0, 2.5, 4.5, 7.0, 10.0]
        } else {
            &[1.0]
        };
        let found = reach.iter().find_map(|&k| {
            candidates(marker.at, radius * 1.6 * k, font)
                .into_iter()
                .map(|(at, anchor)| (at, anchor, label_bounds(at, anchor, text_width, font)))
                .find(|(_, _, b)| view.contains(b) && !taken.iter().any(|t| t.overlaps(b)))
                .map(|(at, anchor, b)| (at, anchor, b, k > 1.0))
        });
        if let Some((at, anchor, bounds, far)) = found {
            taken.push(bounds);
            let leader = far.then(|| (marker.at, nearest_edge(&bounds, marker.at)));
            markers[i].label = Some(Label { at, anchor, leader });
        }
    }
}

/// Label positions around a point at distance `d`, in order of preference: right, left, above,
/// below, then the diagonals.
fn candidates(p: Point, d: f64, font: f64) -> [(Point, Anchor); 8] {
    let baseline = font * 0.35;
    let diag = d * 0.75;
    [
        (
            Point {
                x: p.x + d,
                y: p.y + baseline,
            },
            Anchor::Start,
        ),
        (
            Point {
                x: p.x - d,
                y: p.y + baseline,
            },
            Anchor::End,
        ),
        (Point { x: p.x, y: p.y - d }, Anchor::Middle),
        (
            Point {
                x: p.x,
                y: p.y + d + font * 0.75,
            },
            Anchor::Middle,
        ),
        (
            Point {
                x: p.x + diag,
                y: p.y - diag,
            },
            Anchor::Start,
        ),
        (
            Point {
                x: p.x - diag,
                y: p.y - diag,
            },
            Anchor::End,
        ),
        (
            Point {
                x: p.x + diag,
                y: p.y + diag + font * 0.75,
            },
            Anchor::Start,
        ),
        (
            Point {
                x: p.x - diag,
                y: p.y + diag + font * 0.75,
            },
            Anchor::End,
        ),
    ]
}

/// The box a label's text covers, from its baseline anchor.
fn label_bounds(at: Point, anchor: Anchor, width: f64, font: f64) -> Bounds {
    let left = match anchor {
        Anchor::Start => at.x,
        Anchor::Middle => at.x - width / 2.0,
        Anchor::End => at.x - width,
    };
    Bounds {
        left,
        top: at.y - font * 0.8,
        right: left + width,
        bottom: at.y + font * 0.25,
    }
}

/// The point of a label's box nearest to `p`, where a leader line ends.
fn nearest_edge(b: &Bounds, p: Point) -> Point {
    Point {
        x: p.x.clamp(b.left, b.right),
        y: p.y.clamp(b.top, b.bottom),
    }
}

/// The line from `from` to `to`: a curve bending to the left of travel, a loop when they are the
/// same Region, and a curve drawn twice (once shifted a full map width) when the short way
/// crosses the date line, so the viewport shows it leaving one edge and entering the other.
fn route_line<'a>(from: &Region, to: &'a Region, radius: f64) -> RouteLine<'a> {
    let km = great_circle_km(from.lat, from.lon, to.lat, to.lon);
    let a = project(from.lat, from.lon);
    let mut b = project(to.lat, to.lon);
    if from.code == to.code {
        return RouteLine {
            to,
            path: self_loop(a, radius),
            arrow: String::new(),
            km,
        };
    }
    let shift = if b.x - a.x > WIDTH / 2.0 {
        -WIDTH
    } else if a.x - b.x > WIDTH / 2.0 {
        WIDTH
    } else {
        0.0
    };
    b.x += shift;
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = dx.hypot(dy).max(f64::EPSILON);
    let bend = len * 0.18;
    let c = Point {
        x: (a.x + b.x) / 2.0 + dy / len * bend,
        y: (a.y + b.y) / 2.0 - dx / len * bend,
    };
    let curve = |offset: f64| {
        format!(
            "M{} {}Q{} {} {} {}",
            fixed(a.x + offset, 1),
            fixed(a.y, 1),
            fixed(c.x + offset, 1),
            fixed(c.y, 1),
            fixed(b.x + offset, 1),
            fixed(b.y, 1)
        )
    };
    let path = if shift == 0.0 {
        curve(0.0)
    } else {
        format!("{}{}", curve(0.0), curve(-shift))
    };
    // The arrowhead sits on the real destination: on the copy shifted back when the line wraps.
    let end = Point {
        x: b.x - shift,
        y: b.y,
    };
    let direction = Point {
        x: b.x - c.x,
        y: b.y - c.y,
    };
    RouteLine {
        to,
        path,
        arrow: arrowhead(end, direction, radius),
        km,
    }
}

/// A loop above a Region, for a route that stays where it starts.
fn self_loop(a: Point, radius: f64) -> String {
    let r = radius * 5.0;
    format!(
        "M{} {}C{} {} {} {} {} {}",
        fixed(a.x, 1),
        fixed(a.y, 1),
        fixed(a.x - r, 1),
        fixed(a.y - r * 1.6, 1),
        fixed(a.x + r, 1),
        fixed(a.y - r * 1.6, 1),
        fixed(a.x, 1),
        fixed(a.y, 1)
    )
}

/// A triangle whose tip stops short of the marker at `end`, pointing along `direction`.
fn arrowhead(end: Point, direction: Point, radius: f64) -> String {
    let l = direction.x.hypot(direction.y).max(f64::EPSILON);
    let (tx, ty) = (direction.x / l, direction.y / l);
    let tip = Point {
        x: end.x - tx * radius * 1.3,
        y: end.y - ty * radius * 1.3,
    };
    let back = radius * 2.6;
    let half = radius * 1.1;
    format!(
        "M{} {}L{} {}L{} {}Z",
        fixed(tip.x, 1),
        fixed(tip.y, 1),
        fixed(tip.x - tx * back - ty * half, 1),
        fixed(tip.y - ty * back + tx * half, 1),
        fixed(tip.x - tx * back + ty * half, 1),
        fixed(tip.y - ty * back - tx * half, 1)
    )
}
