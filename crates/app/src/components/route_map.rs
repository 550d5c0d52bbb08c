//! The route map: the offline world outline (Natural Earth, public domain, `static/world.svg`)
//! with every Region as a point, one line from the source Region to each destination, and the
//! countries involved shaded. Roles are told apart by shape, line pattern and label as well as
//! colour, a legend explains them, and the same facts are given as text beside the picture.
//!
//! The outline is a static file beside the page, drawn with `<use>` (the whole world, then each
//! shaded country again on top), so it costs the WebAssembly nothing and the browser caches it.

use crate::state::CatalogRef;
use atlas_core::catalog::geo::fixed;
use atlas_core::catalog::ids::RegionCode;
use atlas_core::output::map::{self, format_km, MapView, Role};
use std::rc::Rc;
use yew::prelude::*;

/// The world outline beside the page, converted once from Natural Earth's 1:110m countries;
/// see the file's header for its provenance and projection.
const WORLD: &str = "world.svg";

/// Properties of [`RouteMap`].
#[derive(Properties, PartialEq)]
pub struct RouteMapProps {
    /// The catalog.
    pub catalog: CatalogRef,
    /// The source Region, when one is chosen; without it no line is drawn.
    #[prop_or_default]
    pub source: Option<RegionCode>,
    /// The Regions a prompt may be processed in.
    pub destinations: Rc<[RegionCode]>,
    /// What the map shows, in a few words: the picture's accessible name.
    pub title: AttrValue,
    /// A prefix for the picture's internal IDs, unique on the page.
    #[prop_or(AttrValue::Static("route-map"))]
    pub id: AttrValue,
}

/// The route map with its legend and text alternative.
#[component]
pub fn RouteMap(props: &RouteMapProps) -> Html {
    let catalog = props.catalog;
    let view = map::route_map(&catalog, props.source.as_ref(), &props.destinations);
    let id = |suffix: &str| format!("{}-{suffix}", props.id);
    let hatch = view.view_box.width / 150.0;
    html! {
        <figure class="route-map" data-testid="route-map">
            <svg class="map-svg" viewBox={view.view_box.to_string()} role="img"
                 preserveAspectRatio="xMidYMid meet"
                 aria-labelledby={format!("{} {}", id("title"), id("desc"))}>
                <title id={id("title")}>{ props.title.clone() }</title>
                <desc id={id("desc")}>{ view.summary() }</desc>
                <defs>
                    <pattern id={id("hatch")} patternUnits="userSpaceOnUse"
                             width={fixed(hatch, 2)} height={fixed(hatch, 2)}
                             patternTransform="rotate(45)">
                        <rect class="hatch-ground" width={fixed(hatch, 2)} height={fixed(hatch, 2)} />
                        <line class="hatch-line" x1="0" y1="0" x2="0" y2={fixed(hatch, 2)}
                              stroke-width={fixed(hatch / 2.5, 2)} />
                    </pattern>
                </defs>
                <rect class="map-sea" x="0" y="0" width={fixed(map::WIDTH, 0)} height={fixed(map::HEIGHT, 0)} />
                <g class="countries">
                    <use href={format!("{WORLD}#land")} class="country" />
                    { for view.shaded.iter().map(|(country, shade)| {
                        // A presentation attribute: the hatching is per map, so not in the
                        // stylesheet, and `shaded` carries no stylesheet fill to override it.
                        let fill = (*shade != map::Shade::Source).then(|| format!("url(#{})", id("hatch")));
                        html! {
                            <use href={format!("{WORLD}#c-{country}")} class={classes!("shaded", shade.class())} {fill} />
                        }
                    }) }
                </g>
                <g class="routes">
                    { for view.routes.iter().map(|r| html! {
                        <>
                            <path class="route-line" d={r.path.clone()} data-testid="route-line"
                                  data-to={r.to.code.to_string()} />
                            if !r.arrow.is_empty() {
                                <path class="route-arrow" d={r.arrow.clone()} />
                            }
                        </>
                    }) }
                </g>
                <g class="markers">
                    { for view.markers.iter().map(|m| marker(m, &view)) }
                </g>
            </svg>
            <figcaption>
                <p class="map-caption">{ props.title.clone() }</p>
                { legend(&view) }
                { text_alternative(&view) }
            </figcaption>
        </figure>
    }
}

/// One Region: its shape by role, its tooltip and, when it fits, its label.
fn marker(m: &map::Marker<'_>, view: &MapView<'_>) -> Html {
    let r = view.marker_radius;
    let (x, y) = (m.at.x, m.at.y);
    let f = |v: f64| fixed(v, 1);
    let shape = match m.role {
        Role::Other => html! { <circle cx={f(x)} cy={f(y)} r={f(r * 0.6)} /> },
        Role::Destination => html! { <circle cx={f(x)} cy={f(y)} r={f(r)} /> },
        Role::Source => html! {
            <rect x={f(x - r * 1.3)} y={f(y - r * 1.3)} width={f(r * 2.6)} height={f(r * 2.6)} />
        },
        Role::SourceAndDestination => html! {
            <>
                <rect class="source-frame" x={f(x - r * 1.6)} y={f(y - r * 1.6)}
                      width={f(r * 3.2)} height={f(r * 3.2)} />
                <circle cx={f(x)} cy={f(y)} r={f(r)} />
            </>
        },
    };
    let label = m.label.as_ref().map(|l| {
        html! {
            <>
                if let Some((from, to)) = l.leader {
                    <line class="leader" x1={f(from.x)} y1={f(from.y)} x2={f(to.x)} y2={f(to.y)} />
                }
                <text class="map-label" x={f(l.at.x)} y={f(l.at.y)}
                      text-anchor={l.anchor.as_str()} font-size={f(view.font_size)}
                      stroke-width={f(view.font_size * 0.25)}>
                    { m.region.code.as_str() }
                </text>
            </>
        }
    });
    html! {
        <g class={classes!("marker", m.role.class())} data-testid="map-region"
           data-region={m.region.code.to_string()} data-role={m.role.describe()}>
            <title>{ format!("{} · {} ({})", m.region.code, m.region.name, m.role.describe()) }</title>
            { shape }
            { label.unwrap_or_default() }
        </g>
    }
}

/// What each shape, line and fill means.
fn legend(view: &MapView<'_>) -> Html {
    let has_source = view
        .markers
        .iter()
        .any(|m| matches!(m.role, Role::Source | Role::SourceAndDestination));
    html! {
        <ul class="map-legend" aria-label="Legend">
            if has_source {
                <li><svg class="swatch" viewBox="0 0 20 20" aria-hidden="true"><rect class="swatch-source" x="4" y="4" width="12" height="12" /></svg>{ "Square: the source Region you call" }</li>
                <li><svg class="swatch" viewBox="0 0 20 20" aria-hidden="true"><path class="swatch-route" d="M1 15Q10 2 19 15" /></svg>{ "Dashed line with arrow: a route to a destination" }</li>
            }
            <li><svg class="swatch" viewBox="0 0 20 20" aria-hidden="true"><circle class="swatch-destination" cx="10" cy="10" r="6" /></svg>{ "Filled circle: a destination Region" }</li>
            <li><svg class="swatch" viewBox="0 0 20 20" aria-hidden="true"><circle class="swatch-other" cx="10" cy="10" r="4" /></svg>{ "Small ring: another Region" }</li>
            <li><svg class="swatch" viewBox="0 0 20 20" aria-hidden="true"><rect class="swatch-hatch" x="2" y="2" width="16" height="16" /><path class="swatch-hatch-line" d="M2 10L10 2M2 18L18 2M10 18L18 10" /></svg>{ "Hatched: a country where the prompt may be processed" }</li>
            if has_source {
                <li><svg class="swatch" viewBox="0 0 20 20" aria-hidden="true"><rect class="swatch-source-country" x="2" y="2" width="16" height="16" /></svg>{ "Thick outline: the source Region's country" }</li>
            }
        </ul>
    }
}

/// The map's facts as a list: every route drawn, or every destination marked.
fn text_alternative(view: &MapView<'_>) -> Html {
    let source = view
        .markers
        .iter()
        .find(|m| matches!(m.role, Role::Source | Role::SourceAndDestination));
    html! {
        <details class="map-text">
            <summary>{ "The map as text" }</summary>
            <p>{ view.summary() }</p>
            if let Some(source) = source {
                <ul data-testid="route-list">
                    { for view.routes.iter().map(|r| html! {
                        <li>
                            { format!("{} → {} ({}), {}", source.region.code, r.to.code, r.to.name,
                                if r.to.code == source.region.code { "the source itself".to_owned() } else { format_km(r.km) }) }
                        </li>
                    }) }
                </ul>
            }
        </details>
    }
}
