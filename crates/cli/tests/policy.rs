//! Policies, the SCP check, snippets and the error decoder over the real catalog: every offered
//! option's IAM resources are exactly the ARNs its route needs (computed here from the catalog,
//! not by the builder); the AWS examples of cris-facts.md, written out by hand; Terraform and
//! CloudFormation say the same; generated snippets pass Python's and Node's syntax checks; a
//! corpus of real-shaped errors is recognised and unrelated text is not; bad input is refused
//! with a clear message.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::catalog::data;
use atlas_core::catalog::ids::{ModelId, RegionCode};
use atlas_core::catalog::residency::Residency;
use atlas_core::catalog::schema::Endpoint;
use atlas_core::catalog::Catalog;
use atlas_core::engine::options::{OptionEval, OptionKind};
use atlas_core::engine::recommend;
use atlas_core::output::decode::{decode, Decoded, ErrorKind, MAX_INPUT};
use atlas_core::output::policy::{
    identity_policy, to_cloudformation, to_terraform, Account, ManagedPolicy,
};
use atlas_core::output::scp::{self, deny_global};
use atlas_core::output::snippets::{application_profile, snippets, Language};
use atlas_core::plan::{OrgPolicy, Sla, Traffic, Workload, WorkloadSpec};
use serde_json::{json, Value};
use std::collections::BTreeSet;

mod cli_support;

use cli_support::atlas_with_stdin;
use std::process::Command;

/// The day the tests judge end of life on (2026-12-02).
const DAY: atlas_core::catalog::calendar::Day =
    atlas_core::catalog::calendar::Day::from_epoch_days(20_789);

fn catalog() -> &'static Catalog {
    data::catalog().expect("the embedded catalog is valid")
}

fn workload<'c>(
    catalog: &'c Catalog,
    name: &str,
    model: &str,
    source: &str,
    policy: Option<OrgPolicy>,
) -> Workload<'c> {
    WorkloadSpec {
        name: name.to_owned(),
        model_id: ModelId::new(model),
        custom_model: false,
        source_region: RegionCode::new(source),
        residency: Residency::None,
        traffic: Traffic::Steady,
        sla: Sla::BestEffort,
        org_policy: policy,
        tokens_per_month: None,
        data_retention: None,
        turnaround: None,
        peak: None,
    }
    .check(catalog)
    .expect("a workload on the catalog")
}

fn option_of<'a>(options: &'a [OptionEval], kind: OptionKind, id: &str) -> &'a OptionEval {
    options
        .iter()
        .find(|o| o.kind == kind && (id.is_empty() || o.call_id() == Some(id)))
        .expect("the option is evaluated")
}

const SONNET: &str = "anthropic.claude-sonnet-4-5-20250929-v1:0";
const ACCOUNT: &str = "123456789012";

/// The ARNs a route needs, from the catalog's facts alone: columns are the option's kind, the
/// partition of the source, and the profile's destinations from that source.
fn expected_resources(catalog: &Catalog, w: &Workload<'_>, o: &OptionEval) -> BTreeSet<String> {
    let source = w.source().code.as_str();
    let p = if source.starts_with("us-gov-") {
        "aws-us-gov"
    } else {
        "aws"
    };
    let model = w.model().id.as_str();
    let mut out = BTreeSet::new();
    match (o.kind, o.endpoint) {
        // AWS's managed policy AmazonBedrockMantleInferenceAccess: the inference actions on the
        // Region's projects, the bearer-token action (API keys) on every resource.
        (OptionKind::InRegion, Some(Endpoint::Mantle)) => {
            out.insert(format!(
                "arn:{p}:bedrock-mantle:{source}:{ACCOUNT}:project/*"
            ));
            out.insert("*".to_owned());
        }
        (OptionKind::InRegion, _) => {
            out.insert(format!(
                "arn:{p}:bedrock:{source}::foundation-model/{model}"
            ));
        }
        (OptionKind::Provisioned, _) => {
            out.insert(format!(
                "arn:{p}:bedrock:{source}:{ACCOUNT}:provisioned-model/<provisioned-model-id>"
            ));
        }
        (kind, _) => {
            let profile = catalog
                .profile(o.profile_id().expect("a profile option"))
                .expect("in the catalog");
            out.insert(format!(
                "arn:{p}:bedrock:{source}:{ACCOUNT}:inference-profile/{}",
                profile.id
            ));
            out.insert(format!(
                "arn:{p}:bedrock:{source}::foundation-model/{model}"
            ));
            if kind == OptionKind::Global {
                out.insert(format!("arn:{p}:bedrock:::foundation-model/{model}"));
            } else {
                for d in profile
                    .destinations_from(&w.source().code)
                    .expect("callable")
                {
                    out.insert(format!("arn:{p}:bedrock:{d}::foundation-model/{model}"));
                }
            }
        }
    }
    out
}

#[test]
fn every_offered_option_allows_exactly_its_routes_arns() {
    let catalog = catalog();
    let account = Account::parse(ACCOUNT).expect("12 digits");
    let mut checked = [0usize; 4];
    for model in catalog.models.iter().filter(|m| !m.is_retired()) {
        for source in &model.offered_in {
            let w = workload(catalog, "w", model.id.as_str(), source.as_str(), None);
            let recommendation = recommend(catalog, &w, DAY);
            for o in recommendation
                .options
                .iter()
                .filter(|o| o.eligibility.is_offered())
            {
                let policy = identity_policy(&w, o, &account).expect("offered options have one");
                let got: BTreeSet<String> = policy
                    .document
                    .resources()
                    .into_iter()
                    .map(str::to_owned)
                    .collect();
                assert_eq!(
                    got,
                    expected_resources(catalog, &w, o),
                    "{} from {source}",
                    o.call_id().unwrap_or_default()
                );
                // Every statement allows the invoke actions (or bedrock-mantle's), nothing else.
                for s in &policy.document.statements {
                    assert!(s
                        .actions
                        .iter()
                        .all(|a| a.starts_with("bedrock:InvokeModel")
                            || a.starts_with("bedrock-mantle:")));
                }
                checked[o.kind as usize] += 1;
            }
        }
    }
    // Guard against passing vacuously: every kind of option was checked many times.
    assert!(checked.iter().all(|n| *n > 20), "{checked:?}");
}

/// cris-facts.md 2a: the US Sonnet 4.5 profile called from us-east-1.
#[test]
fn geographic_policy_matches_the_aws_example() {
    let catalog = catalog();
    let w = workload(catalog, "w", SONNET, "us-east-1", None);
    let options = recommend(catalog, &w, DAY).options;
    let profile = format!("us.{SONNET}");
    let o = option_of(&options, OptionKind::Geographic, &profile);
    let policy = identity_policy(&w, o, &Account::Id(ACCOUNT.into())).unwrap();
    let profile_arn = format!("arn:aws:bedrock:us-east-1:{ACCOUNT}:inference-profile/{profile}");
    let expected = json!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "InvokeGeographicProfile",
                "Effect": "Allow",
                "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                "Resource": profile_arn
            },
            {
                "Sid": "InvokeModelThroughProfile",
                "Effect": "Allow",
                "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                "Resource": [
                    format!("arn:aws:bedrock:us-east-1::foundation-model/{SONNET}"),
                    format!("arn:aws:bedrock:us-east-2::foundation-model/{SONNET}"),
                    format!("arn:aws:bedrock:us-west-2::foundation-model/{SONNET}")
                ],
                "Condition": {"StringEquals": {"bedrock:InferenceProfileArn": profile_arn}}
            }
        ]
    });
    let parsed: Value = serde_json::from_str(&policy.document.to_json()).expect("JSON");
    assert_eq!(parsed, expected);
}

/// cris-facts.md 2b: the three-part policy of a global profile.
#[test]
fn global_policy_matches_the_aws_three_part_example() {
    let catalog = catalog();
    let w = workload(catalog, "w", SONNET, "us-east-1", None);
    let options = recommend(catalog, &w, DAY).options;
    let o = option_of(&options, OptionKind::Global, "");
    let policy = identity_policy(&w, o, &Account::Id(ACCOUNT.into())).unwrap();
    let arn = format!("arn:aws:bedrock:us-east-1:{ACCOUNT}:inference-profile/global.{SONNET}");
    let actions = json!([
        "bedrock:InvokeModel",
        "bedrock:InvokeModelWithResponseStream"
    ]);
    let expected = json!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "InvokeGlobalProfile", "Effect": "Allow", "Action": actions,
                "Resource": arn,
                "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}
            },
            {
                "Sid": "InvokeModelInSourceRegion", "Effect": "Allow", "Action": actions,
                "Resource": format!("arn:aws:bedrock:us-east-1::foundation-model/{SONNET}"),
                "Condition": {"StringEquals": {
                    "aws:RequestedRegion": "us-east-1",
                    "bedrock:InferenceProfileArn": arn
                }}
            },
            {
                "Sid": "InvokeModelGlobally", "Effect": "Allow", "Action": actions,
                "Resource": format!("arn:aws:bedrock:::foundation-model/{SONNET}"),
                "Condition": {"StringEquals": {
                    "aws:RequestedRegion": "unspecified",
                    "bedrock:InferenceProfileArn": arn
                }}
            }
        ]
    });
    let parsed: Value = serde_json::from_str(&policy.document.to_json()).expect("JSON");
    assert_eq!(parsed, expected);
}

#[test]
fn govcloud_policies_use_the_aws_us_gov_partition() {
    let catalog = catalog();
    let w = workload(catalog, "w", SONNET, "us-gov-west-1", None);
    let options = recommend(catalog, &w, DAY).options;
    let o = option_of(
        &options,
        OptionKind::Geographic,
        &format!("us-gov.{SONNET}"),
    );
    let policy = identity_policy(&w, o, &Account::Placeholder).unwrap();
    let resources = policy.document.resources();
    assert!(resources.len() >= 2);
    assert!(
        resources
            .iter()
            .all(|r| r.starts_with("arn:aws-us-gov:bedrock:us-gov-")),
        "{resources:?}"
    );
    assert!(resources[0].contains(":<account-id>:inference-profile/"));
}

#[test]
fn a_mantle_only_option_gets_the_policy_aws_documents_for_bedrock_mantle() {
    let catalog = catalog();
    let (model, region) = catalog
        .models
        .iter()
        .find_map(|m| {
            m.in_region
                .iter()
                .find(|o| o.endpoint == Endpoint::Mantle)
                .map(|o| (m.id.to_string(), o.region.to_string()))
        })
        .expect("the catalog has bedrock-mantle offers");
    let w = workload(catalog, "w", &model, &region, None);
    let options = recommend(catalog, &w, DAY).options;
    let o = option_of(&options, OptionKind::InRegion, "");
    let policy = identity_policy(&w, o, &Account::Placeholder).unwrap();
    let parsed: Value = serde_json::from_str(&policy.document.to_json()).unwrap();
    // AWS's managed policy AmazonBedrockMantleInferenceAccess, with IAM's spelling of the tag
    // action (the user guide's list says ListTagsForResources, which IAM does not define).
    assert_eq!(
        parsed["Statement"],
        json!([{
            "Sid": "MantleInference",
            "Effect": "Allow",
            "Action": [
                "bedrock-mantle:CreateInference",
                "bedrock-mantle:GetProject",
                "bedrock-mantle:ListProjects",
                "bedrock-mantle:ListTagsForResource"
            ],
            "Resource": format!("arn:aws:bedrock-mantle:{region}:<account-id>:project/*")
        }, {
            "Sid": "MantleApiKey",
            "Effect": "Allow",
            "Action": "bedrock-mantle:CallWithBearerToken",
            "Resource": "*"
        }])
    );
    assert!(policy
        .notes
        .iter()
        .any(|n| n.contains("scopes inference permissions to projects")));
    let code = snippets(&w, o, None);
    assert!(code.iter().all(|s| s
        .code
        .contains(&format!("https://bedrock-mantle.{region}.api.aws/v1"))));
    assert!(code
        .iter()
        .all(|s| s.code.contains(&format!("\"{model}\""))));
    assert!(application_profile(&w, o, &Account::Placeholder).is_err());
}

/// cris-facts.md 3: the SCP that denies global inference organisation-wide.
#[test]
fn deny_global_scp_matches_the_aws_example() {
    let parsed: Value = serde_json::from_str(&deny_global().to_json()).unwrap();
    assert_eq!(
        parsed["Statement"][0],
        json!({
            "Sid": "DenyGlobalCrossRegionInference",
            "Effect": "Deny",
            "Action": "bedrock:*",
            "Resource": "*",
            "Condition": {
                "StringEquals": {"aws:RequestedRegion": "unspecified"},
                "ArnLike": {"bedrock:InferenceProfileArn": "arn:aws:bedrock:*:*:inference-profile/global.*"}
            }
        })
    );
}

/// cris-facts.md 3: global from us-east-1 under a US allow-list needs "unspecified"; the
/// geographic profile from us-east-1 needs all three US Regions.
#[test]
fn scp_check_names_what_each_option_lacks_and_patches_the_list() {
    let catalog = catalog();
    let policy = OrgPolicy {
        allowed_regions: Some(vec![
            RegionCode::new("us-east-1"),
            RegionCode::new("us-west-2"),
        ]),
        allows_global: false,
    };
    let w = workload(catalog, "w", SONNET, "us-east-1", Some(policy));
    let options = recommend(catalog, &w, DAY).options;
    let global = option_of(&options, OptionKind::Global, "");
    let check = scp::check(&w, &options, Some(global));
    let blocked: Vec<(&str, Vec<&str>)> = check
        .blocked
        .iter()
        .map(|b| (b.id.as_str(), b.denied.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        blocked,
        vec![
            (format!("global.{SONNET}").as_str(), vec!["unspecified"]),
            (format!("us.{SONNET}").as_str(), vec!["us-east-2"]),
        ]
    );
    assert!(check.blocked[1].reason.contains("destination Regions"));
    assert_eq!(
        check.requested_regions.as_deref(),
        Some(
            &[
                "unspecified".to_owned(),
                "us-east-1".to_owned(),
                "us-west-2".to_owned()
            ][..]
        )
    );
    let statement: Value = serde_json::from_str(&check.statement.unwrap().to_json()).unwrap();
    assert_eq!(
        statement["Statement"][0]["Condition"]["StringNotEquals"]["aws:RequestedRegion"],
        json!(["unspecified", "us-east-1", "us-west-2"])
    );
    // The geographic profile, patched: the AWS example list us-east-1, us-east-2, us-west-2.
    let geo = option_of(&options, OptionKind::Geographic, &format!("us.{SONNET}"));
    let check = scp::check(&w, &options, Some(geo));
    assert_eq!(check.needed, ["us-east-1", "us-east-2", "us-west-2"]);
    assert!(check.summary.contains("us-east-2"));
}

#[test]
fn terraform_and_cloudformation_say_what_the_json_says() {
    let catalog = catalog();
    let w = workload(catalog, "Claims \"EU\"\nbot", SONNET, "eu-west-1", None);
    let options = recommend(catalog, &w, DAY).options;
    let o = option_of(&options, OptionKind::Global, "");
    let policy = identity_policy(&w, o, &Account::Placeholder).unwrap();
    let tf = to_terraform(&policy.document, w.name());
    assert!(
        tf.starts_with("data \"aws_iam_policy_document\" \"claims_eu_bot\" {\n"),
        "{tf}"
    );
    assert_eq!(tf.matches('{').count(), tf.matches('}').count());
    assert_eq!(tf.matches("  statement {").count(), 3);
    // Without an account ID, Terraform takes it from the caller's identity.
    for r in policy.document.resources() {
        let r = r.replace(
            "<account-id>",
            "${data.aws_caller_identity.current.account_id}",
        );
        assert!(tf.contains(&format!("\"{r}\"")), "{r}");
    }
    assert_eq!(
        tf.matches("variable = \"bedrock:InferenceProfileArn\"")
            .count(),
        2
    );
    assert_eq!(tf.matches("\"unspecified\"").count(), 1);
    let cfn = to_cloudformation(&[
        ManagedPolicy {
            name: w.name(),
            description: "a \"quoted\"\nname".into(),
            document: &policy.document,
        },
        ManagedPolicy {
            name: w.name(),
            description: String::new(),
            document: &policy.document,
        },
    ]);
    let template: Value = serde_json::from_str(&cfn).expect("CloudFormation JSON");
    let resources = template["Resources"].as_object().unwrap();
    assert_eq!(resources.len(), 2, "logical IDs made unique");
    // Without an account ID, CloudFormation substitutes the stack's (`Fn::Sub`).
    let policy_json: Value = serde_json::from_str(
        &policy
            .document
            .to_json()
            .replace(
                "\"arn:aws:bedrock:eu-west-1:<account-id>:inference-profile/global.anthropic.claude-sonnet-4-5-20250929-v1:0\"",
                "{\"Fn::Sub\": \"arn:aws:bedrock:eu-west-1:${AWS::AccountId}:inference-profile/global.anthropic.claude-sonnet-4-5-20250929-v1:0\"}",
            ),
    )
    .unwrap();
    assert!(!cfn.contains("<account-id>"), "{cfn}");
    for (id, resource) in resources {
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric()), "{id}");
        assert_eq!(resource["Type"], "AWS::IAM::ManagedPolicy");
        assert_eq!(resource["Properties"]["PolicyDocument"], policy_json);
    }
}

#[test]
fn account_ids_must_be_twelve_digits() {
    assert_eq!(Account::parse(""), Ok(Account::Placeholder));
    assert_eq!(
        Account::parse(" 123456789012\n"),
        Ok(Account::Id(ACCOUNT.into()))
    );
    for bad in [
        "12345678901",
        "1234567890123",
        "12345678901a",
        "1234 5678 9012",
        "１２３４５６７８９０１２",
        "123456789012\"}",
        "a\nb",
    ] {
        let err = Account::parse(bad).expect_err(bad).to_string();
        assert!(err.contains("exactly 12 digits"), "{err}");
        assert!(
            !err.contains('\n'),
            "the message stays on one line: {err:?}"
        );
    }
    let long = "9".repeat(10_000);
    assert!(Account::parse(&long).unwrap_err().to_string().len() < 200);
}

fn tool(name: &str) -> bool {
    Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn check_syntax(language: Language, code: &str, n: usize) -> Option<std::process::Output> {
    let dir = std::env::temp_dir().join(format!("atlas-snippets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("s{n}.{}", language.extension()));
    std::fs::write(&file, code).unwrap();
    let path = file.to_str().unwrap();
    let out = match language {
        Language::Python => Command::new("python3")
            .args([
                "-c",
                "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')",
                path,
            ])
            .output(),
        Language::JavaScript => Command::new("node").args(["--check", path]).output(),
        Language::Shell => Command::new("sh").args(["-n", path]).output(),
        Language::Rust => return None,
    };
    Some(out.expect("the checker runs"))
}

#[test]
fn generated_snippets_pass_syntax_checks() {
    let catalog = catalog();
    let have_python = tool("python3");
    let have_node = tool("node");
    if !have_python {
        println!("note: python3 is not installed; Python snippets are not syntax-checked");
    }
    if !have_node {
        println!("note: node is not installed; JavaScript snippets are not syntax-checked");
    }
    let cases = [
        (SONNET, "eu-west-1", OptionKind::Geographic),
        (SONNET, "us-east-1", OptionKind::Global),
        (SONNET, "us-gov-west-1", OptionKind::Geographic),
        (
            "anthropic.claude-3-haiku-20240307-v1:0",
            "us-east-1",
            OptionKind::InRegion,
        ),
        (
            "anthropic.claude-opus-4-8",
            "us-east-1",
            OptionKind::InRegion,
        ),
    ];
    let mut checked = 0;
    for (i, (model, source, kind)) in cases.into_iter().enumerate() {
        let w = workload(catalog, "w", model, source, None);
        let options = recommend(catalog, &w, DAY).options;
        let o = option_of(&options, kind, "");
        let list = snippets(&w, o, None);
        assert!(!list.is_empty());
        for (j, s) in list.iter().enumerate() {
            assert!(
                s.code
                    .contains(&format!("\"{}\"", o.call_id().unwrap_or_default()))
                    || s.code
                        .contains(&format!("'{}'", o.call_id().unwrap_or_default())),
                "{}",
                s.code
            );
            let skip = match s.language {
                Language::Python => !have_python,
                Language::JavaScript => !have_node,
                _ => false,
            };
            if skip {
                continue;
            }
            if let Some(out) = check_syntax(s.language, &s.code, i * 10 + j) {
                assert!(
                    out.status.success(),
                    "{}:\n{}\n{}",
                    s.title,
                    s.code,
                    String::from_utf8_lossy(&out.stderr)
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 5, "{checked} snippets checked");
}

#[test]
fn application_profile_command_copies_the_system_profile_and_quotes_names() {
    let catalog = catalog();
    let name = "Bob's \"claims\"\nbot $(rm -rf /)";
    let w = workload(catalog, name, SONNET, "eu-west-1", None);
    let options = recommend(catalog, &w, DAY).options;
    let o = option_of(&options, OptionKind::Geographic, &format!("eu.{SONNET}"));
    let app = application_profile(&w, o, &Account::Id(ACCOUNT.into())).unwrap();
    assert!(app.command.contains(&format!(
        "'copyFrom=arn:aws:bedrock:eu-west-1:{ACCOUNT}:inference-profile/eu.{SONNET}'"
    )));
    assert!(app.arn.starts_with(&format!(
        "arn:aws:bedrock:eu-west-1:{ACCOUNT}:application-inference-profile/"
    )));
    assert!(app.policy_change.contains(&app.arn));
    if tool("python3") {
        // The shell sees exactly one word per argument, and the tag is the name.
        let out = Command::new("python3")
            .args(["-c", "import shlex,sys,json; w=shlex.split(sys.argv[1]); t=json.loads(w[w.index('--tags')+1]); n=w[w.index('--inference-profile-name')+1]; print(t[0]['value']); print(n)", &app.command])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let printed = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<&str> = printed.lines().collect();
        assert_eq!(lines[0], "Bob's \"claims\" bot $(rm -rf /)");
        assert!(
            lines[1]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "{}",
            lines[1]
        );
    }
}

/// (message, kind, model named, Region named)
const CORPUS: &[(&str, ErrorKind, Option<&str>, Option<&str>)] = &[
    ("botocore.errorfactory.ValidationException: An error occurred (ValidationException) when calling the Converse operation: Invocation of model ID anthropic.claude-sonnet-4-5-20250929-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.", ErrorKind::OnDemandNotSupported, Some(SONNET), None),
    ("ValidationException: Invocation of model ID anthropic.claude-3-5-sonnet-20241022-v2:0 with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.", ErrorKind::OnDemandNotSupported, Some("anthropic.claude-3-5-sonnet-20241022-v2:0"), None),
    ("Traceback (most recent call last):\n  File \"app.py\", line 12, in <module>\n    client.converse(modelId=\"anthropic.claude-3-7-sonnet-20250219-v1:0\")\nbotocore.errorfactory.ValidationException: An error occurred (ValidationException) when calling the Converse operation: Invocation of model ID anthropic.claude-3-7-sonnet-20250219-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.\n(region: eu-west-1)", ErrorKind::OnDemandNotSupported, Some("anthropic.claude-3-7-sonnet-20250219-v1:0"), Some("eu-west-1")),
    ("An error occurred (ValidationException) when calling the InvokeModel operation: Invocation of model ID anthropic.claude-sonnet-4-20250514-v1:0 with on-demand throughput isn’t supported.", ErrorKind::OnDemandNotSupported, Some("anthropic.claude-sonnet-4-20250514-v1:0"), None),
    ("ValidationException: The provided model doesn't support on-demand throughput. model=amazon.nova-2-lite-v1:0 region=us-east-1", ErrorKind::OnDemandNotSupported, Some("amazon.nova-2-lite-v1:0"), Some("us-east-1")),
    ("ValidationException: The provided model doesn’t support on-demand throughput.", ErrorKind::OnDemandNotSupported, None, None),
    ("langchain_aws: ValidationException: Invocation of model ID anthropic.claude-haiku-4-5-20251001-v1:0 with on-demand throughput is not supported. (https://bedrock-runtime.ap-southeast-2.amazonaws.com)", ErrorKind::OnDemandNotSupported, Some("anthropic.claude-haiku-4-5-20251001-v1:0"), Some("ap-southeast-2")),
    ("ValidationException: An error occurred (ValidationException) when calling the Converse operation: The provided model identifier is invalid.", ErrorKind::InvalidModelIdentifier, None, None),
    ("botocore.errorfactory.ValidationException: An error occurred (ValidationException) when calling the InvokeModel operation: The provided model identifier is invalid. modelId=eu.anthropic.claude-sonnet-4-5-20250929-v1:0 region_name=us-east-1", ErrorKind::InvalidModelIdentifier, Some(SONNET), Some("us-east-1")),
    ("ValidationException: The provided model identifier is invalid. (Service: BedrockRuntime, Status Code: 400) us.anthropic.claude-sonnet-4-5-20250929-v1:0 from eu-central-1", ErrorKind::InvalidModelIdentifier, Some(SONNET), Some("eu-central-1")),
    ("software.amazon.awssdk.services.bedrockruntime.model.ValidationException: The provided model identifier is invalid. (Service: BedrockRuntime, Status Code: 400, Request ID: 1b2c)", ErrorKind::InvalidModelIdentifier, None, None),
    ("Error: ValidationException: The provided model identifier is invalid.\n    at de_ValidationExceptionRes (node_modules/@aws-sdk/client-bedrock-runtime/dist-cjs/index.js:1:2)\n modelId: 'jp.anthropic.claude-sonnet-4-5-20250929-v1:0', region: 'us-west-2'", ErrorKind::InvalidModelIdentifier, Some(SONNET), Some("us-west-2")),
    ("An error occurred (AccessDeniedException) when calling the Converse operation: User: arn:aws:sts::123456789012:assumed-role/app/i-0abc is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0 because no identity-based policy allows the bedrock:InvokeModel action", ErrorKind::AccessDenied, Some(SONNET), Some("us-east-2")),
    ("AccessDeniedException: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:eu-north-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0", ErrorKind::AccessDenied, Some(SONNET), Some("eu-north-1")),
    ("AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/x/y is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0 because no identity-based policy allows the bedrock:InvokeModel action", ErrorKind::AccessDenied, Some(SONNET), None),
    ("botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the InvokeModel operation: User: arn:aws:sts::111122223333:assumed-role/lambda/fn is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-west-2:111122223333:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0", ErrorKind::AccessDenied, Some("anthropic.claude-3-haiku-20240307-v1:0"), Some("us-west-2")),
    ("AccessDenied: not authorized to perform: bedrock:InvokeModel", ErrorKind::AccessDenied, None, None),
    ("An error occurred (AccessDeniedException) when calling the Converse operation: User: arn:aws:sts::123456789012:assumed-role/app/s is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:eu-west-3::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0 with an explicit deny in a service control policy", ErrorKind::ScpDenied, Some(SONNET), Some("eu-west-3")),
    ("AccessDeniedException: ... is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:::foundation-model/anthropic.claude-opus-4-8 with an explicit deny in a service control policy", ErrorKind::ScpDenied, Some("anthropic.claude-opus-4-8"), None),
    ("explicit deny in a service control policy: arn:aws:organizations::111122223333:policy/o-abc/service_control_policy/p-xyz", ErrorKind::ScpDenied, None, None),
    ("AccessDeniedException: You don't have access to the model with the specified model ID.", ErrorKind::ModelAccess, None, None),
    ("An error occurred (AccessDeniedException) when calling the Converse operation: You don’t have access to the model with the specified model ID. anthropic.claude-sonnet-4-5-20250929-v1:0", ErrorKind::ModelAccess, Some(SONNET), None),
    ("AccessDeniedException: Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe)", ErrorKind::ModelAccess, None, None),
    ("openai.NotFoundError: Error code: 404 - {'error': {'message': 'The model `global.anthropic.claude-opus-4-8` does not exist or you do not have access to it.', 'type': 'invalid_request_error', 'code': 'model_not_found'}} (base_url=https://bedrock-mantle.us-east-1.api.aws/v1)", ErrorKind::MantleRejectsProfile, Some("anthropic.claude-opus-4-8"), Some("us-east-1")),
    ("NotFoundError: 404 model_not_found: us.anthropic.claude-opus-4-8 on bedrock-mantle", ErrorKind::MantleRejectsProfile, Some("anthropic.claude-opus-4-8"), None),
    ("POST https://bedrock-mantle.eu-west-1.api.aws/v1/chat/completions -> 404 Not Found: model eu.anthropic.claude-sonnet-4-5-20250929-v1:0 not found", ErrorKind::MantleRejectsProfile, Some(SONNET), Some("eu-west-1")),
    ("botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the Converse operation (reached max retries: 4): Too many tokens, please wait before trying again.", ErrorKind::Throttling, None, None),
    ("ThrottlingException: Too many requests, please wait before trying again. You have sent too many requests. Wait before trying again.", ErrorKind::Throttling, None, None),
    ("An error occurred (ThrottlingException) when calling the InvokeModel operation: Rate exceeded modelId=us.anthropic.claude-sonnet-4-5-20250929-v1:0 region=us-east-1", ErrorKind::Throttling, Some(SONNET), Some("us-east-1")),
    ("com.amazonaws.services.bedrockruntime.model.ThrottlingException: Too many tokens per minute (Service: BedrockRuntime; Status Code: 429)", ErrorKind::Throttling, None, None),
    ("ServiceQuotaExceededException: An error occurred (ServiceQuotaExceededException) when calling the Converse operation: Your request exceeded your quota for tokens per day.", ErrorKind::QuotaExceeded, None, None),
    ("ServiceQuotaExceededException: You have exceeded the maximum number of tokens per day for anthropic.claude-sonnet-4-5-20250929-v1:0 in eu-central-1", ErrorKind::QuotaExceeded, Some(SONNET), Some("eu-central-1")),
    ("Error: ServiceQuotaExceededException: Quota exceeded for Cross-Region InvokeModel tokens per minute", ErrorKind::QuotaExceeded, None, None),
    // The retention refusal as users report it (anomalyco/opencode#31560, anthropics/claude-code#66594; AWS documents only the exception).
    ("botocore.errorfactory.ValidationException: An error occurred (ValidationException) when calling the Converse operation: data retention mode 'default' is not available for this model (modelId=us.anthropic.claude-fable-5-1, region us-west-2)", ErrorKind::DataRetention, Some("anthropic.claude-fable-5-1"), Some("us-west-2")),
    ("ValidationException: data retention mode 'inherit' is not available for this model", ErrorKind::DataRetention, None, None),
    // bedrock-mantle's status reason, as the Data retention page shows it.
    ("GET https://bedrock-mantle.us-east-1.api.aws/v1/models/openai.gpt-5.5: status unavailable, status_reason: This model is not available under data retention mode 'none'.", ErrorKind::DataRetention, Some("openai.gpt-5.5"), Some("us-east-1")),
];

#[test]
fn the_decoder_answers_a_retention_refusal_with_the_mode_and_the_command() {
    let catalog = catalog();
    let Decoded::Recognised { diagnosis, .. } = decode(
        catalog,
        CORPUS
            .iter()
            .find(|c| c.1 == ErrorKind::DataRetention)
            .expect("in the corpus")
            .0,
    ) else {
        panic!("not recognised");
    };
    assert!(
        diagnosis
            .cause
            .contains("Claude Fable 5.1 needs the data retention mode `aws_review` or higher"),
        "{}",
        diagnosis.cause
    );
    assert!(
        diagnosis.cause.contains("(`default`)"),
        "{}",
        diagnosis.cause
    );
    assert!(
        diagnosis
            .cause
            .contains("AWS may keep all prompts and review flagged ones"),
        "{}",
        diagnosis.cause
    );
    assert!(
        diagnosis.fixes[0].contains(
            "aws bedrock put-account-data-retention --mode aws_review --region us-west-2"
        ),
        "{:?}",
        diagnosis.fixes
    );
}

#[test]
fn the_decoder_recognises_the_corpus() {
    let catalog = catalog();
    assert!(CORPUS.len() >= 30);
    for (message, kind, model, region) in CORPUS {
        let Decoded::Recognised {
            diagnosis,
            truncated,
        } = decode(catalog, message)
        else {
            panic!("not recognised: {message}");
        };
        assert!(!truncated);
        assert_eq!(diagnosis.kind, *kind, "{message}");
        assert_eq!(
            diagnosis.model.as_ref().map(ModelId::as_str),
            *model,
            "model in {message}"
        );
        assert_eq!(
            diagnosis.region.as_ref().map(RegionCode::as_str),
            *region,
            "Region in {message}"
        );
        assert!(!diagnosis.cause.is_empty() && !diagnosis.fixes.is_empty());
        // A model without a Region: its profile IDs per geography.
        if model.is_some() && region.is_none() {
            assert!(!diagnosis.profiles.is_empty(), "{message}");
        }
    }
}

#[test]
fn decoded_causes_name_the_fix_for_that_model_and_region() {
    let catalog = catalog();
    let cause = |text: &str| match decode(catalog, text) {
        Decoded::Recognised { diagnosis, .. } => diagnosis.cause,
        other => panic!("{other:?}"),
    };
    let c = cause(&format!("Invocation of model ID {SONNET} with on-demand throughput isn’t supported. region eu-west-1"));
    assert!(
        c.contains("no on-demand in-Region offer in eu-west-1"),
        "{c}"
    );
    assert!(c.contains(&format!("`eu.{SONNET}`")), "{c}");
    let c = cause(&format!(
        "The provided model identifier is invalid. eu.{SONNET} us-east-1"
    ));
    assert!(
        c.contains("cannot be called from us-east-1") && c.contains(&format!("`us.{SONNET}`")),
        "{c}"
    );
    let c = cause(&format!("not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-2::foundation-model/{SONNET}"));
    assert!(c.contains("us-east-2 is a destination Region"), "{c}");
    let c = cause(&format!("not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:::foundation-model/{SONNET}"));
    assert!(c.contains("Region-less"), "{c}");
}

#[test]
fn the_decoder_rejects_unrelated_text() {
    let catalog = catalog();
    for text in [
        "hello world",
        "TypeError: Cannot read properties of undefined (reading 'map')",
        "error[E0308]: mismatched types",
        "Segmentation fault (core dumped)",
        "NoSuchBucket: The specified bucket does not exist",
        "ConnectionResetError: [Errno 104] Connection reset by peer",
        "The quick brown fox jumps over the lazy dog in eu-west-1",
        "anthropic.claude-sonnet-4-5-20250929-v1:0 is my favourite model",
        "model_not_found from some other OpenAI-compatible server",
    ] {
        assert_eq!(
            decode(catalog, text),
            Decoded::Unrecognised { truncated: false },
            "{text}"
        );
    }
    assert_eq!(decode(catalog, "  \n\t "), Decoded::Empty);
}

#[test]
fn huge_pastes_are_decoded_and_cut_with_a_note() {
    let catalog = catalog();
    let noise =
        "    at com.example.Handler.handle(Handler.java:42) eu-west-1 anthropic.claude ’ \n"
            .repeat(13_000);
    assert!(noise.len() > 1_000_000);
    let message =
        format!("{noise}ThrottlingException: Too many tokens, please wait before trying again.");
    let Decoded::Recognised {
        diagnosis,
        truncated,
    } = decode(catalog, &message)
    else {
        panic!("a 1 MB stack trace ending with the error is recognised");
    };
    assert_eq!(diagnosis.kind, ErrorKind::Throttling);
    assert!(!truncated);
    // Beyond the limit: cut at a character boundary (multi-byte apostrophes), and said so.
    let huge = "’".repeat(MAX_INPUT / 3 + 10) + "ThrottlingException";
    assert_eq!(
        decode(catalog, &huge),
        Decoded::Unrecognised { truncated: true }
    );
}

const PLAN: &str = "tests/fixtures/plans/example.json";

#[test]
fn cli_policy_prints_the_document_or_the_list() {
    let out = atlas_with_stdin(
        &[
            "policy",
            PLAN,
            "--workload",
            "1",
            "--format",
            "iam",
            "--account",
            ACCOUNT,
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("the document alone");
    assert_eq!(doc["Version"], "2012-10-17");
    assert!(doc["Statement"][0]["Resource"]
        .as_str()
        .unwrap()
        .contains(ACCOUNT));
    let by_name = atlas_with_stdin(
        &[
            "policy",
            PLAN,
            "--workload",
            "Support chat",
            "--account",
            ACCOUNT,
        ],
        None,
    );
    assert_eq!(by_name.stdout, out.stdout);

    let all = atlas_with_stdin(&["policy", PLAN, "--format", "iam"], None);
    assert!(all.status.success());
    let list: Value = serde_json::from_slice(&all.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    for entry in list {
        assert!(
            entry["workload"].is_string()
                && entry.get("option").is_some()
                && entry.get("policy").is_some()
        );
    }
    for format in ["terraform", "cloudformation", "scp"] {
        let out = atlas_with_stdin(&["policy", PLAN, "--format", format], None);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty());
    }
}

#[test]
fn cli_policy_refuses_bad_input_with_a_message() {
    let cases: [(&[&str], &str); 4] = [
        (&["policy", PLAN, "--account", "12345"], "exactly 12 digits"),
        (&["policy", PLAN, "--workload", "3"], "no workload \"3\""),
        (&["policy", PLAN, "--workload", "nope\"\n"], "no workload"),
        (
            &[
                "policy",
                "tests/fixtures/plans/org-policy.json",
                "--workload",
                "SCP allow-list",
            ],
            "has no recommended option",
        ),
    ];
    for (args, message) in cases {
        let out = atlas_with_stdin(args, None);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(message), "{args:?}: {err}");
    }
    // The SCP check is what such a workload needs: it prints the patch instead.
    let out = atlas_with_stdin(
        &[
            "policy",
            "tests/fixtures/plans/org-policy.json",
            "--workload",
            "SCP allow-list",
            "--format",
            "scp",
        ],
        None,
    );
    assert!(out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["option"].is_null() && report["patch_for"].is_string());
    assert!(!report["blocked"].as_array().unwrap().is_empty());
}

#[test]
fn cli_explain_error_exits_zero_when_recognised_and_two_when_not() {
    let out = atlas_with_stdin(&["explain-error"], Some(CORPUS[0].0));
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Cause:") && text.contains(&format!("EU: eu.{SONNET}")),
        "{text}"
    );
    let out = atlas_with_stdin(&["explain-error"], Some("hello world"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Checklist:"));
}

/// A recognisable error after 2 MiB of other output is not seen, and the answer says that only
/// the first 2 MiB were read; no more than that (and one byte) is read from the input.
#[test]
fn cli_explain_error_says_when_only_the_first_2_mib_were_read() {
    use std::io::Write;
    let mut paste = "log line\n".repeat(300_000);
    paste.push_str(CORPUS[0].0);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_atlas"))
        .arg("explain-error")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("atlas runs");
    let mut input = child.stdin.take().expect("atlas's input");
    // Atlas may stop reading before the end: a closed pipe is what this writer expects then.
    let writer = std::thread::spawn(move || input.write_all(paste.as_bytes()));
    let out = child.wait_with_output().expect("atlas ends");
    let _ = writer.join().expect("the writer ends");
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("only its first 2 MiB were read"), "{text}");
}

#[test]
fn the_errors_page_is_a_prerendered_route() {
    use cris_atlas::route::Route;
    assert_eq!(Route::from_path("errors/", ""), Route::Errors);
    assert_eq!(Route::Errors.href(), "errors/");
    assert!(atlas_cli::prerender::routes(catalog()).contains(&Route::Errors));
    let html = atlas_cli::prerender::main_html(catalog(), &Route::Errors);
    assert!(
        html.contains("Decode a Bedrock error") && html.contains("data-testid=\"error-input\"")
    );
}

/// The account change's command, checked against botocore's own `bedrock` model (the version
/// pinned in tools/requirements-test.txt, installed by `make setup-test` into .tools/python):
/// the AWS CLI command names an operation of the service, its `--mode` option is the
/// operation's input member and every mode the engine writes is in the member's enum.
#[test]
fn the_retention_command_is_an_operation_of_botocores_bedrock_model() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let sdk = root.join(".tools/python");
    assert!(
        sdk.join("botocore").is_dir(),
        "botocore is not installed in {}: run `make setup-test`",
        sdk.display()
    );
    let region = RegionCode::new("us-west-2");
    let commands: Vec<String> = atlas_core::catalog::retention::RetentionMode::ALL
        .iter()
        .map(|m| atlas_core::engine::retention::set_mode_command(&region, *m))
        .collect();
    let script = r#"
import json, sys
import botocore.session
from botocore import xform_name
model = botocore.session.get_session().get_service_model("bedrock")
by_cli = {xform_name(op).replace("_", "-"): op for op in model.operation_names}
for command in json.load(sys.stdin):
    words = command.split()
    assert words[:2] == ["aws", "bedrock"], command
    op = model.operation_model(by_cli[words[2]])
    options = dict(zip(words[3::2], words[4::2]))
    members = {"--" + xform_name(m).replace("_", "-"): m for m in op.input_shape.members}
    assert set(options) - {"--region"} <= set(members), (command, members)
    for option, value in options.items():
        if option == "--region":
            continue
        shape = op.input_shape.members[members[option]]
        assert value in shape.enum, (command, shape.enum)
    assert set(op.input_shape.required_members) <= {members[o] for o in options if o != "--region"}
print("ok")
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .env("PYTHONPATH", &sdk)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(serde_json::to_string(&commands).expect("json").as_bytes())
            .expect("write");
    }
    let out = child.wait_with_output().expect("python3 ends");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok"));
}

/// One set of permissions per route, whatever the view: for every offered option of every
/// model that is not retired (profiles, in-Region on bedrock-runtime, in-Region on bedrock-mantle
/// only, Provisioned Throughput), the comparison's setup row, the HTML report, the identity
/// policy and the SCP check all render `option_permissions`.
#[test]
fn every_view_renders_one_set_of_permissions_per_route() {
    use atlas_core::output::evaluation::PlanEvaluation;
    use atlas_core::output::iam::{grant_lines, option_permissions};
    let catalog = catalog();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut routes = 0;
    for model in catalog
        .models
        .iter()
        .filter(|m| m.lifecycle.retired_on().is_none())
    {
        let sources: BTreeSet<&RegionCode> = model
            .in_region
            .iter()
            .map(|o| &o.region)
            .chain(
                catalog
                    .profiles_for(&model.id)
                    .filter_map(|p| p.routes.first()?.from.first()),
            )
            .take(3)
            .collect();
        for source in sources {
            let policy = OrgPolicy {
                allowed_regions: Some(vec![source.clone()]),
                allows_global: true,
            };
            let w = workload(
                catalog,
                "w",
                model.id.as_str(),
                source.as_str(),
                Some(policy),
            );
            let plan = atlas_core::plan::Plan {
                header: Default::default(),
                workloads: vec![w.clone()],
            };
            let evaluation = PlanEvaluation::of(catalog, &plan, DAY);
            let e = &evaluation.workloads[0];
            let setup = e
                .comparison
                .rows
                .iter()
                .find(|r| r.label == "Setup (IAM resources)")
                .expect("a setup row");
            for (i, option) in e.recommendation.options.iter().enumerate() {
                if !option.eligibility.is_offered() || option.call_id().is_none() {
                    continue;
                }
                routes += 1;
                let grants = option_permissions(&w, option);
                let lines = grant_lines(&grants);
                let cell = &setup.cells[i];
                let shown = if cell.more.is_empty() {
                    &cell.lines
                } else {
                    &cell.more
                };
                assert!(
                    shown.starts_with(&lines),
                    "{} {}: {:?}",
                    model.id,
                    option.label(),
                    cell
                );
                let actions: BTreeSet<&str> = grants
                    .iter()
                    .flat_map(|g| g.actions.iter().copied())
                    .collect();
                let resources: BTreeSet<&str> = grants
                    .iter()
                    .flat_map(|g| g.resources.iter().map(String::as_str))
                    .collect();
                let policy = identity_policy(&w, option, &Account::Placeholder).expect("a policy");
                let p_actions: BTreeSet<&str> = policy
                    .document
                    .statements
                    .iter()
                    .flat_map(|s| s.actions.iter().copied())
                    .collect();
                let p_resources: BTreeSet<&str> = policy
                    .document
                    .statements
                    .iter()
                    .flat_map(|s| s.resources.iter().map(String::as_str))
                    .collect();
                assert_eq!(p_actions, actions, "{} {}", model.id, option.label());
                assert_eq!(p_resources, resources, "{} {}", model.id, option.label());
                let mantle = option.endpoint == Some(Endpoint::Mantle);
                seen.insert(match (option.kind, mantle) {
                    (_, true) => "mantle",
                    (OptionKind::InRegion, false) => "runtime in-Region",
                    (OptionKind::Provisioned, _) => "provisioned",
                    _ => "profile",
                });
                let check = scp::check(&w, &e.recommendation.options, Some(option));
                let statement = check
                    .statement
                    .expect("a Region-deny statement for a Region list");
                let governs_mantle = statement.statements[0]
                    .actions
                    .contains(&"bedrock-mantle:*");
                assert_eq!(governs_mantle, mantle, "{} {}", model.id, option.label());
                if Some(i) == e.recommendation.chosen {
                    let html = atlas_core::output::plan_html::plan_html(catalog, &evaluation);
                    for r in &resources {
                        assert!(
                            html.contains(&format!("<code>{r}</code>"))
                                || html.contains(&format!(
                                    "<code>{}</code>",
                                    r.replace('<', "&lt;").replace('>', "&gt;")
                                )),
                            "{r}"
                        );
                    }
                    for a in &actions {
                        assert!(html.contains(a), "{a}");
                    }
                }
            }
        }
    }
    assert_eq!(
        seen,
        BTreeSet::from(["mantle", "profile", "provisioned", "runtime in-Region"])
    );
    assert!(routes > 200, "{routes}");
}
