#include <optional>
#include <string>

#include "agreement_json.h"
#include "eds/agreement.h"
#include "eds/grade.h"
#include "eds/grade_outputs.h"
#include "eds/json_writer.h"

namespace eds {
namespace {

// The result format this writer produces (SPEC §5).
constexpr char kResultFormat[] = "eds3-result/1";
constexpr char kToolName[] = "eds3";

void WriteServices(const DomainResult& domain, JsonWriter& json) {
  json.Key("services").BeginArray();
  for (const ServiceResult& service : domain.services) {
    json.BeginObject();
    json.Key("id").String(service.id);
    json.Key("name").String(service.name);
    json.Key("total").NumberOrNull(service.total);
    // One score per outcome of the domain, in rubric order; null if unrated.
    json.Key("scores").BeginObject();
    for (const OutcomeResult& outcome : domain.outcomes) {
      const auto it = service.outcomes.find(outcome.id);
      json.Key(outcome.id);
      if (it == service.outcomes.end()) {
        json.Null();
      } else {
        json.NumberOrNull(it->second.score);
      }
    }
    json.EndObject();
    json.EndObject();
  }
  json.EndArray();
}

void WriteOutcomes(const DomainResult& domain, JsonWriter& json) {
  json.Key("outcomes").BeginArray();
  for (const OutcomeResult& outcome : domain.outcomes) {
    json.BeginObject();
    json.Key("id").String(outcome.id);
    json.Key("title").String(outcome.title);
    json.Key("score").NumberOrNull(outcome.score);
    json.Key("level").StringOrNull(outcome.score ? outcome.level : "");
    json.Key("flags").BeginArray();
    for (const std::string& code : outcome.flags) json.String(code);
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
}

}  // namespace

std::string GradeJson(const GradeReport& report) {
  const Assessment& assessment = report.assessment;
  const GradeResult& result = report.result;
  JsonWriter json;
  json.BeginObject();
  json.Key("format").String(kResultFormat);

  json.Key("tool").BeginObject();
  json.Key("name").String(kToolName);
  json.Key("version").String(report.tool_version);
  json.EndObject();

  json.Key("rubric").BeginObject();
  json.Key("id").String(report.rubric.id);
  json.Key("version").String(report.rubric.version);
  json.EndObject();

  json.Key("organisation").BeginObject();
  json.Key("name").String(assessment.organisation.name);
  json.Key("code").StringOrNull(assessment.organisation.code);
  json.Key("system").StringOrNull(assessment.organisation.system);
  json.EndObject();

  json.Key("year").String(assessment.year);

  json.Key("policy").BeginObject();
  json.Key("raters").String(PolicyWord(assessment.policy.raters));
  json.Key("services").String(PolicyWord(assessment.policy.services));
  json.Key("rounding").String(PolicyWord(assessment.policy.rounding));
  json.EndObject();

  json.Key("complete").Bool(result.complete);
  json.Key("total").NumberOrNull(result.complete ? result.total : std::nullopt);
  json.Key("max").Number(result.max);
  json.Key("rating").StringOrNull(result.complete ? result.rating : "");

  json.Key("domains").BeginArray();
  for (const DomainResult& domain : result.domains) {
    json.BeginObject();
    json.Key("id").String(domain.id);
    json.Key("name").String(domain.name);
    json.Key("score").NumberOrNull(domain.score);
    json.Key("max").Number(domain.max);
    json.Key("level").StringOrNull(domain.score ? domain.level : "");
    WriteServices(domain, json);
    WriteOutcomes(domain, json);
    json.EndObject();
  }
  json.EndArray();

  json.Key("flags").BeginArray();
  for (const Flag& flag : result.flags) {
    json.BeginObject();
    json.Key("code").String(flag.code);
    json.Key("outcome").StringOrNull(flag.outcome);
    json.Key("service").StringOrNull(flag.service);
    json.Key("message").String(flag.message);
    json.EndObject();
  }
  json.EndArray();

  json.Key("agreement");
  WriteAgreementJson(result.agreement, json);

  json.Key("missing").BeginArray();
  for (const std::string& line : result.missing) json.String(line);
  json.EndArray();

  json.EndObject();
  return json.Text();
}

}  // namespace eds
