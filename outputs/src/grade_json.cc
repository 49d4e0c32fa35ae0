#include <map>
#include <optional>
#include <string>
#include <vector>

#include "agreement_json.h"
#include "eds/agreement.h"
#include "eds/grade.h"
#include "eds/grade_outputs.h"
#include "eds/json_writer.h"

namespace eds {
namespace {

// The result format this writer produces
// (docs/schema/eds3-result-2.schema.json).
constexpr char kResultFormat[] = "eds3-result/2";
constexpr char kToolName[] = "eds3";

void WriteStrings(const char* key, const std::vector<std::string>& values,
                  JsonWriter& json) {
  json.Key(key).BeginArray();
  for (const std::string& value : values) json.String(value);
  json.EndArray();
}

void WriteLocation(const SourceLocation& where, JsonWriter& json) {
  json.Key("source").BeginObject();
  json.Key("file").String(where.file);
  json.Key("line").Int(where.line);
  json.Key("column").Int(where.column);
  json.EndObject();
}

// What the file holds for one outcome (of one service): the panel's ratings,
// agreed score, evidence, notes and actions. `entry` is nullptr when the
// file does not name the outcome.
void WriteEntry(const Assessment& assessment, const OutcomeEntry* entry,
                JsonWriter& json) {
  json.Key("agreed");
  if (entry != nullptr && entry->agreed) {
    json.Int(*entry->agreed);
  } else {
    json.Null();
  }
  json.Key("ratings").BeginArray();
  if (entry != nullptr) {
    for (const Rating& rating : entry->ratings) {
      json.BeginObject();
      json.Key("stakeholder").String(rating.stakeholder);
      const Stakeholder* stakeholder =
          assessment.FindStakeholder(rating.stakeholder);
      json.Key("group").StringOrNull(stakeholder ? stakeholder->group : "");
      json.Key("score").Int(rating.points);
      json.Key("comment").StringOrNull(rating.comment);
      WriteLocation(rating.where, json);
      json.EndObject();
    }
  }
  json.EndArray();
  json.Key("evidence").BeginArray();
  if (entry != nullptr) {
    for (const Evidence& evidence : entry->evidence) {
      json.BeginObject();
      json.Key("title").String(evidence.title);
      json.Key("link").StringOrNull(evidence.link);
      json.EndObject();
    }
  }
  json.EndArray();
  json.Key("notes").StringOrNull(entry ? entry->notes : "");
  json.Key("actions").BeginArray();
  if (entry != nullptr) {
    for (const Action& action : entry->actions) {
      json.BeginObject();
      json.Key("action").String(action.action);
      json.Key("owner").StringOrNull(action.owner);
      json.Key("due").StringOrNull(IsoOrEmpty(action.due));
      json.EndObject();
    }
  }
  json.EndArray();
}

const OutcomeEntry* FindEntry(const std::map<std::string, OutcomeEntry>& map,
                              const std::string& id) {
  const auto it = map.find(id);
  return it == map.end() ? nullptr : &it->second;
}

const Service* FindService(const Assessment& assessment,
                           const std::string& id) {
  for (const Service& service : assessment.services) {
    if (service.id == id) return &service;
  }
  return nullptr;
}

void WriteServices(const Assessment& assessment, const Rubric& rubric,
                   const DomainResult& domain, JsonWriter& json) {
  json.Key("services").BeginArray();
  for (const ServiceResult& service : domain.services) {
    const Service* given = FindService(assessment, service.id);
    json.BeginObject();
    json.Key("id").String(service.id);
    json.Key("name").String(service.name);
    json.Key("total").NumberOrNull(service.total);
    // One entry per outcome of the domain, in rubric order.
    json.Key("outcomes").BeginArray();
    for (const OutcomeResult& outcome : domain.outcomes) {
      const auto it = service.outcomes.find(outcome.id);
      const ServiceOutcomeResult* result =
          it == service.outcomes.end() ? nullptr : &it->second;
      json.BeginObject();
      json.Key("id").String(outcome.id);
      json.Key("score").NumberOrNull(result ? result->score : std::nullopt);
      json.Key("level").StringOrNull(result ? result->level.Name(rubric) : "");
      json.Key("flags").BeginArray();
      if (result != nullptr) {
        for (const std::string& code : result->flags) json.String(code);
      }
      json.EndArray();
      WriteEntry(assessment,
                 given ? FindEntry(given->outcomes, outcome.id) : nullptr,
                 json);
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
}

void WriteOutcomes(const Assessment& assessment, const Rubric& rubric,
                   const DomainResult& domain, JsonWriter& json) {
  json.Key("outcomes").BeginArray();
  for (const OutcomeResult& outcome : domain.outcomes) {
    json.BeginObject();
    json.Key("id").String(outcome.id);
    json.Key("title").String(outcome.title);
    json.Key("score").NumberOrNull(outcome.score);
    json.Key("level").StringOrNull(outcome.level.Name(rubric));
    json.Key("flags").BeginArray();
    for (const std::string& code : outcome.flags) json.String(code);
    json.EndArray();
    // A per-service domain's panel entries are under each service.
    WriteEntry(assessment,
               domain.services.empty()
                   ? FindEntry(assessment.outcomes, outcome.id)
                   : nullptr,
               json);
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
  json.Key("source").String(assessment.source);
  json.Key("completed").StringOrNull(IsoOrEmpty(assessment.completed));
  json.Key("lead").StringOrNull(assessment.lead);
  json.Key("sponsor").StringOrNull(assessment.sponsor);
  WriteStrings("partners", assessment.partners, json);
  WriteStrings("engagement", IsoDates(assessment.engagement), json);
  json.Key("published").StringOrNull(assessment.published);
  json.Key("authorised").StringOrNull(IsoOrEmpty(assessment.authorised));
  json.Key("review_due").StringOrNull(IsoOrEmpty(assessment.review_due));
  json.Key("reviewers").BeginArray();
  for (const Reviewer& reviewer : assessment.reviewers) {
    json.BeginObject();
    json.Key("name").String(reviewer.name);
    json.Key("role").String(reviewer.role);
    json.EndObject();
  }
  json.EndArray();

  json.Key("policy").BeginObject();
  json.Key("raters").String(PolicyWord(assessment.policy.raters));
  json.Key("services").String(PolicyWord(assessment.policy.services));
  json.Key("rounding").String(PolicyWord(assessment.policy.rounding));
  json.EndObject();

  json.Key("complete").Bool(result.complete);
  json.Key("total").NumberOrNull(result.complete ? result.total : std::nullopt);
  json.Key("max").Number(result.max);
  json.Key("rating").StringOrNull(
      result.complete ? result.rating.Name(report.rubric) : "");

  json.Key("stakeholders").BeginArray();
  for (const Stakeholder& stakeholder : assessment.stakeholders) {
    json.BeginObject();
    json.Key("id").String(stakeholder.id);
    json.Key("name").String(stakeholder.name);
    json.Key("group").String(stakeholder.group);
    json.EndObject();
  }
  json.EndArray();

  json.Key("domains").BeginArray();
  for (const DomainResult& domain : result.domains) {
    json.BeginObject();
    json.Key("id").String(domain.id);
    json.Key("name").String(domain.name);
    json.Key("score").NumberOrNull(domain.score);
    json.Key("max").Number(domain.max);
    json.Key("level").StringOrNull(domain.level.Name(report.rubric));
    WriteServices(assessment, report.rubric, domain, json);
    WriteOutcomes(assessment, report.rubric, domain, json);
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
