//! The code snippets that name a service tier or start a batch job, checked against the SDKs'
//! own models: Python and AWS CLI requests through botocore's parameter validator (botocore
//! pinned in tools/requirements-test.txt, in .tools/python), JavaScript through TypeScript
//! with the AWS SDK's and the OpenAI SDK's type definitions (tools/sdk-check, in
//! .tools/sdk-check). What those do not check is asserted here: the tier value is in botocore's
//! `ServiceTierType` enum, Converse takes it as an object and the OpenAI SDK as a string.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::catalog::calendar::Day;
use atlas_core::catalog::data;
use atlas_core::catalog::ids::{GeographyId, ModelId, RegionCode};
use atlas_core::catalog::residency::Residency;
use atlas_core::catalog::schema::Endpoint;
use atlas_core::catalog::tiers::Tier;
use atlas_core::engine::options::OptionKind;
use atlas_core::engine::{recommend, Recommendation};
use atlas_core::output::snippets::{snippets, Language, Snippet};
use atlas_core::plan::{Sla, Traffic, Workload, WorkloadSpec};
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).to_path_buf()
}

/// The snippets of the `kind` option of `model` from `source` at `tier`, with the option's
/// endpoint.
fn case(
    model: &str,
    source: &str,
    residency: Residency,
    kind: OptionKind,
    tier: Tier,
) -> (Endpoint, Vec<Snippet>) {
    let (w, rec) = recommended(model, source, residency);
    let o = rec
        .options
        .iter()
        .find(|o| o.kind == kind && o.is_eligible())
        .unwrap_or_else(|| panic!("{model} from {source}: no eligible {kind:?}"));
    assert!(
        o.supports(tier),
        "{model} from {source}: {tier} not on {kind:?}"
    );
    (
        o.endpoint.expect("an endpoint"),
        snippets(&w, o, Some(tier)),
    )
}

/// A steady, best-effort workload of `model` from `source` and its recommendation.
fn recommended(
    model: &str,
    source: &str,
    residency: Residency,
) -> (Workload<'static>, Recommendation) {
    let catalog = data::catalog().expect("catalog");
    let w = WorkloadSpec {
        name: "Claims triage".into(),
        model_id: ModelId::new(model),
        custom_model: false,
        source_region: RegionCode::new(source),
        residency,
        traffic: Traffic::Steady,
        sla: Sla::BestEffort,
        org_policy: None,
        tokens_per_month: None,
        data_retention: None,
        turnaround: None,
        peak: None,
    }
    .check(catalog)
    .expect("a workload");
    let rec = recommend(catalog, &w, Day::parse("2026-12-02").unwrap());
    (w, rec)
}

fn eu() -> Residency {
    Residency::Geography {
        name: GeographyId::new("EU"),
    }
}

/// Every case: (what, endpoint, snippets).
fn cases() -> Vec<(&'static str, Tier, Endpoint, Vec<Snippet>)> {
    let rows = [
        (
            "Reserved through eu.",
            "anthropic.claude-sonnet-4-5-20250929-v1:0",
            "eu-central-1",
            eu(),
            OptionKind::Geographic,
            Tier::Reserved,
        ),
        (
            "Priority in-Region",
            "amazon.nova-pro-v1:0",
            "us-east-1",
            Residency::None,
            OptionKind::InRegion,
            Tier::Priority,
        ),
        (
            "Flex in-Region",
            "openai.gpt-oss-120b-1:0",
            "us-east-1",
            Residency::None,
            OptionKind::InRegion,
            Tier::Flex,
        ),
        (
            "Priority on bedrock-mantle",
            "google.gemma-3-12b-it",
            "eu-central-1",
            Residency::None,
            OptionKind::InRegion,
            Tier::Priority,
        ),
        (
            "Batch through eu.",
            "anthropic.claude-haiku-4-5-20251001-v1:0",
            "eu-central-1",
            eu(),
            OptionKind::Geographic,
            Tier::Batch,
        ),
        (
            "Batch in-Region",
            "amazon.nova-pro-v1:0",
            "us-east-1",
            Residency::None,
            OptionKind::InRegion,
            Tier::Batch,
        ),
    ];
    rows.into_iter()
        .map(|(what, model, source, residency, kind, tier)| {
            let (endpoint, list) = case(model, source, residency, kind, tier);
            (what, tier, endpoint, list)
        })
        .collect()
}

/// Runs `script` with `input` on stdin and the pinned botocore on the path; panics with its
/// stderr when it fails.
fn python(script: &str, input: &serde_json::Value) -> String {
    let sdk = root().join(".tools/python");
    assert!(
        sdk.join("botocore").is_dir(),
        "botocore is not installed in {}: run `make setup-test`",
        sdk.display()
    );
    let mut child = Command::new("python3")
        .args(["-c", script])
        .env("PYTHONPATH", &sdk)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.to_string().as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("python3 ends");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs each Python snippet with stand-ins for `boto3.client` and `openai.OpenAI` whose calls
/// validate the request against botocore's model of the operation (the OpenAI stand-in checks
/// that `service_tier` is a string), and splits each AWS CLI command into the operation's
/// input, validated the same way. Prints one line per request checked.
const VALIDATE: &str = r##"
import json, os, shlex, sys, types
import botocore.session
from botocore import xform_name
from botocore.validate import ParamValidator

session = botocore.session.get_session()
def validate(service, operation, params):
    model = session.get_service_model(service)
    op = model.operation_model(operation)
    report = ParamValidator().validate(params, op.input_shape)
    assert not report.has_errors(), (service, operation, report.generate_report())
    tier = params.get("serviceTier")
    if tier is not None:
        enum = model.shape_for("ServiceTierType").enum
        assert isinstance(tier, dict) and tier["type"] in enum, (tier, enum)
    print("checked", service, operation, json.dumps(params.get("serviceTier")))

class Client:
    def __init__(self, service, region_name):
        self.service = service
        model = session.get_service_model(service)
        self.ops = {xform_name(op): op for op in model.operation_names}
    def __getattr__(self, name):
        def call(**params):
            validate(self.service, self.ops[name], params)
            return {"output": {"message": {"content": [{"text": "ok"}]}}, "jobArn": "arn"}
        return call

boto3 = types.ModuleType("boto3")
boto3.client = Client
sys.modules["boto3"] = boto3

class Completions:
    def create(self, **params):
        tier = params.get("service_tier")
        assert tier is None or isinstance(tier, str), tier
        print("checked openai", json.dumps(tier))
        msg = types.SimpleNamespace(content="ok")
        return types.SimpleNamespace(choices=[types.SimpleNamespace(message=msg)])
class OpenAI:
    def __init__(self, base_url, api_key):
        self.chat = types.SimpleNamespace(completions=Completions())
openai = types.ModuleType("openai")
openai.OpenAI = OpenAI
sys.modules["openai"] = openai
os.environ.setdefault("OPENAI_API_KEY", "test")

for s in json.load(sys.stdin):
    code = s["code"]
    if s["language"] == "python":
        exec(compile(code, s["title"], "exec"), {"__name__": "__main__"})
        continue
    lines = [l for l in code.replace("\\\n", " ").splitlines() if l.strip() and not l.startswith("#")]
    assert len(lines) == 1, lines
    words = shlex.split(lines[0])
    assert words[0] == "aws", words
    service = words[1]
    model = session.get_service_model(service)
    by_cli = {xform_name(op).replace("_", "-"): op for op in model.operation_names}
    op = model.operation_model(by_cli[words[2]])
    members = {"--" + xform_name(m).replace("_", "-"): m for m in op.input_shape.members}
    params = {}
    for option, value in zip(words[3::2], words[4::2]):
        if option == "--region":
            continue
        member = members[option]
        shape = op.input_shape.members[member]
        params[member] = json.loads(value) if shape.type_name in ("structure", "list") else value
    validate(service, op.name, params)
"##;

#[test]
fn tier_and_batch_snippets_pass_botocores_parameter_validation() {
    let all = cases();
    let mut input = Vec::new();
    let mut expected = 0;
    for (what, tier, _, list) in &all {
        for s in list
            .iter()
            .filter(|s| matches!(s.language, Language::Python | Language::Shell))
        {
            input.push(json!({
                "title": format!("{what}: {}", s.title),
                "language": if s.language == Language::Python { "python" } else { "shell" },
                "code": s.code,
            }));
            expected += 1;
        }
        // Batch jobs are a different call: no snippet names a tier; the job command is there.
        if *tier == Tier::Batch {
            assert!(
                list.iter().all(|s| !s.code.contains("serviceTier")),
                "{what}"
            );
            assert!(
                list.iter()
                    .any(|s| s.code.contains("create-model-invocation-job")),
                "{what}"
            );
        }
    }
    let out = python(VALIDATE, &serde_json::Value::Array(input));
    let checked: Vec<&str> = out.lines().filter(|l| l.starts_with("checked")).collect();
    assert_eq!(checked.len(), expected, "{out}");
    // The Converse requests with a tier carry it as an object with the API's value.
    for value in ["reserved", "priority", "flex"] {
        assert!(
            checked
                .iter()
                .any(|l| l.contains("Converse")
                    && l.ends_with(&format!("{{\"type\": \"{value}\"}}"))),
            "no Converse request with {value}: {out}"
        );
    }
    assert!(
        checked
            .iter()
            .any(|l| l.contains("CreateModelInvocationJob")),
        "{out}"
    );
    // The OpenAI SDK takes the tier as a string.
    assert!(checked.contains(&"checked openai \"priority\""), "{out}");
}

#[test]
fn the_tier_is_spelled_as_each_sdk_takes_it() {
    for (what, tier, endpoint, list) in cases() {
        let Some(value) = tier.request_value() else {
            continue;
        };
        for s in &list {
            let spelled = match (endpoint, s.language) {
                (Endpoint::Mantle, Language::Python) => format!("service_tier=\"{value}\""),
                (Endpoint::Mantle, _) => format!("service_tier: \"{value}\""),
                (_, Language::Python) => format!("serviceTier={{\"type\": \"{value}\"}}"),
                (_, Language::JavaScript) => format!("serviceTier: {{ type: \"{value}\" }}"),
                (_, Language::Shell) => format!("--service-tier '{{\"type\": \"{value}\"}}'"),
                (_, Language::Rust) => format!("ServiceTierType::{}", tier.name()),
            };
            assert!(s.code.contains(&spelled), "{what}, {}: {}", s.title, s.code);
        }
        // LangChain's Converse wrapper takes no tier, so it is not offered with one.
        assert!(
            list.iter().all(|s| !s.title.contains("LangChain")),
            "{what}"
        );
    }
}

#[test]
fn javascript_tier_snippets_type_check_against_the_sdks_definitions() {
    let tools = root().join(".tools/sdk-check");
    let tsc = tools.join("node_modules/.bin/tsc");
    assert!(
        tsc.exists(),
        "TypeScript and the SDKs' types are not installed in {}: run `make setup-test`",
        tools.display()
    );
    // The files go under the tools folder so that module resolution finds its node_modules.
    let dir = tools.join(format!("snippets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for (i, (_, _, _, list)) in cases().into_iter().enumerate() {
        for (j, s) in list
            .iter()
            .filter(|s| s.language == Language::JavaScript)
            .enumerate()
        {
            let path = dir.join(format!("s{i}-{j}.mjs"));
            std::fs::write(&path, &s.code).unwrap();
            files.push(path);
        }
    }
    // A wrong value must fail, so the check is known to bite.
    let wrong = dir.join("wrong.mjs");
    let first = std::fs::read_to_string(&files[0]).unwrap();
    std::fs::write(
        &wrong,
        first.replace("type: \"reserved\"", "type: \"fastest\""),
    )
    .unwrap();
    let run = |paths: &[PathBuf]| {
        Command::new(&tsc)
            .current_dir(&tools)
            .args([
                "--noEmit",
                "--allowJs",
                "--checkJs",
                "--skipLibCheck",
                "--module",
                "nodenext",
                "--moduleResolution",
                "nodenext",
                "--target",
                "es2022",
                "--types",
                "node",
            ])
            .args(paths)
            .output()
            .expect("tsc runs")
    };
    let good = run(&files);
    let bad = run(std::slice::from_ref(&wrong));
    std::fs::remove_dir_all(&dir).ok();
    assert!(files.len() >= 4, "{} JavaScript snippets", files.len());
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stdout)
    );
    let complaint = String::from_utf8_lossy(&bad.stdout);
    assert!(
        !bad.status.success() && complaint.contains("fastest"),
        "{complaint}"
    );
}

/// The identity policy of a tiered recommendation denies the service tiers the workload does
/// not use, with the condition key of the route's endpoint (AWS's example for
/// `bedrock:ServiceTier`); Standard is never denied; batch jobs and untiered calls get no such
/// statement.
#[test]
fn the_identity_policy_denies_the_tiers_the_workload_does_not_use() {
    use atlas_core::output::policy::{identity_policy_at, Account};
    let deny = |model: &str, source: &str, tier: Tier| {
        let (w, rec) = recommended(model, source, Residency::None);
        let o = rec
            .options
            .iter()
            .find(|o| o.kind == OptionKind::InRegion)
            .unwrap();
        let policy = identity_policy_at(&w, o, &Account::Placeholder, Some(tier)).unwrap();
        let json: serde_json::Value = serde_json::from_str(&policy.document.to_json()).unwrap();
        let last = json["Statement"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .clone();
        (last, policy.notes)
    };
    let (flex, notes) = deny("amazon.nova-pro-v1:0", "us-east-1", Tier::Flex);
    assert_eq!(
        flex,
        json!({
            "Sid": "DenyOtherServiceTiers",
            "Effect": "Deny",
            "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
            "Resource": "*",
            "Condition": {"StringEquals": {"bedrock:ServiceTier": ["reserved", "priority"]}}
        })
    );
    assert!(notes
        .iter()
        .any(|n| n.contains("Flex and Standard stay allowed")));
    let (mantle, _) = deny("google.gemma-3-12b-it", "eu-central-1", Tier::Priority);
    assert_eq!(mantle["Action"], json!("bedrock-mantle:CreateInference"));
    assert_eq!(
        mantle["Condition"],
        json!({"StringEquals": {"bedrock-mantle:ServiceTier": ["reserved", "flex"]}})
    );
    let (standard, _) = deny("amazon.nova-pro-v1:0", "us-east-1", Tier::Default);
    assert_eq!(
        standard["Condition"],
        json!({"StringEquals": {"bedrock:ServiceTier": ["reserved", "priority", "flex"]}})
    );
    let (batch, _) = deny("amazon.nova-pro-v1:0", "us-east-1", Tier::Batch);
    assert_eq!(
        batch["Effect"],
        json!("Allow"),
        "batch jobs take no tier: {batch}"
    );
}
