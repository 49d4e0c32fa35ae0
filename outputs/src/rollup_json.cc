#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "eds/diagnostics.h"
#include "eds/history.h"
#include "eds/history_outputs.h"
#include "eds/json_writer.h"
#include "history_common.h"

namespace eds {
namespace {

// A 1-based line or column, or null when not known (0 in the model).
void WriteLineOrNull(const char* key, int value, JsonWriter& json) {
  json.Key(key);
  if (value > 0) {
    json.Int(value);
  } else {
    json.Null();
  }
}

void WriteAttention(const Attention& attention, JsonWriter& json) {
  json.Key("attention").BeginObject();
  json.Key("rules").BeginArray();
  for (const std::string& rule : attention.rules) json.String(rule);
  json.EndArray();
  json.Key("organisations").BeginArray();
  for (const AttentionItem& item : attention.items) {
    json.BeginObject();
    json.Key("reason").String(AttentionCode(item.reason));
    json.Key("name").StringOrNull(item.organisation.name);
    json.Key("code").StringOrNull(item.organisation.code);
    json.Key("file").StringOrNull(item.file);
    json.Key("year").StringOrNull(item.year);
    json.Key("rating").StringOrNull(item.rating.Name());
    json.Key("from_year").StringOrNull(item.from_year);
    json.Key("from_rating").StringOrNull(item.from_rating.Name());
    json.Key("change").NumberOrNull(item.change);
    json.Key("message").String(item.message);
    json.EndObject();
  }
  json.EndArray();
  json.Key("outcomes").BeginArray();
  for (const OutcomeAttention& outcome : attention.outcomes) {
    json.BeginObject();
    json.Key("outcome").String(outcome.outcome.id);
    json.Key("level").String(outcome.level);
    json.Key("organisations_at_level").Int(outcome.lowest);
    json.Key("organisations_scored").Int(outcome.scored);
    json.Key("message").String(outcome.message);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
}

void WriteStrings(const char* key, const std::vector<std::string>& items,
                  JsonWriter& json) {
  json.Key(key).BeginArray();
  for (const std::string& item : items) json.String(item);
  json.EndArray();
}

void WriteOutOfDate(const std::optional<OutOfDate>& out_of_date,
                    JsonWriter& json) {
  json.Key("out_of_date");
  if (!out_of_date) {
    json.Null();
    return;
  }
  json.BeginObject();
  json.Key("year").String(out_of_date->year);
  json.Key("reason").String(out_of_date->reason);
  WriteStrings("files", out_of_date->files, json);
  json.Key("message").String(out_of_date->message);
  json.EndObject();
}

void WriteClaimed(const ClaimedIdentity& claimed, JsonWriter& json) {
  json.Key("claimed").BeginObject();
  json.Key("code").StringOrNull(claimed.code);
  json.Key("name").StringOrNull(claimed.name);
  json.Key("system").StringOrNull(claimed.system);
  json.Key("year").StringOrNull(claimed.year);
  json.EndObject();
}

void WriteExcludedOrganisations(const RollupResult& result, JsonWriter& json) {
  json.Key("excluded_organisations").BeginArray();
  for (const ExcludedOrganisation& organisation :
       result.excluded_organisations) {
    json.BeginObject();
    json.Key("name").StringOrNull(organisation.organisation.name);
    json.Key("code").StringOrNull(organisation.organisation.code);
    json.Key("system").StringOrNull(organisation.organisation.system);
    WriteStrings("files", organisation.files, json);
    json.Key("message").String(organisation.message);
    json.EndObject();
  }
  json.EndArray();
}

void WriteCounts(const RollupCounts& counts, JsonWriter& json) {
  json.Key("counts").BeginObject();
  json.Key("included").Int(counts.included);
  json.Key("excluded").Int(counts.excluded);
  json.Key("missing");
  if (counts.missing) {
    json.Int(*counts.missing);
  } else {
    json.Null();
  }
  json.Key("out_of_date").Int(counts.out_of_date);
  json.EndObject();
}

void WriteExpect(const std::optional<ExpectResult>& expect, JsonWriter& json) {
  json.Key("expect");
  if (!expect) {
    json.Null();
    return;
  }
  json.BeginObject();
  json.Key("file").String(expect->file);
  json.Key("expected").Int(expect->expected);
  json.Key("years").BeginArray();
  for (const ExpectedYear& year : expect->years) {
    json.BeginObject();
    json.Key("year").String(year.year);
    json.Key("missing").BeginArray();
    for (const ExpectedMissing& missing : year.missing) {
      json.BeginObject();
      json.Key("code").String(missing.code);
      json.Key("name").String(missing.name);
      json.Key("system").StringOrNull(missing.system);
      json.Key("line").Int(missing.line);
      json.Key("reason").String(missing.reason);
      json.Key("message").String(missing.message);
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  json.Key("unexpected").BeginArray();
  for (const UnexpectedFile& file : expect->unexpected) {
    json.BeginObject();
    json.Key("file").String(file.file);
    json.Key("name").String(file.organisation.name);
    json.Key("code").StringOrNull(file.organisation.code);
    json.Key("year").String(file.year);
    json.Key("message").String(file.message);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
}

}  // namespace

std::string RollupJson(const RollupResult& result) {
  JsonWriter json;
  json.BeginObject();
  json.Key("format").String("eds3-rollup/2");
  history::WriteToolJson(result.tool_version, json);
  WriteAttention(result.attention, json);

  json.Key("organisations").BeginArray();
  for (const RollupOrganisation& organisation : result.organisations) {
    json.BeginObject();
    json.Key("name").String(organisation.organisation.name);
    json.Key("code").StringOrNull(organisation.organisation.code);
    json.Key("years").BeginArray();
    for (const OrganisationYear& year : organisation.years) {
      history::WriteYearJson(year, json);
    }
    json.EndArray();
    json.Key("system").StringOrNull(organisation.organisation.system);
    json.Key("latest_year").String(organisation.latest().year);
    const OrganisationYear* previous = organisation.previous();
    json.Key("previous_year").StringOrNull(previous ? previous->year : "");
    history::WriteChangeJson(organisation.change, organisation.no_change, json);
    WriteOutOfDate(organisation.out_of_date, json);
    json.EndObject();
  }
  json.EndArray();

  json.Key("excluded").BeginArray();
  for (const ExcludedFile& file : result.excluded) {
    json.BeginObject();
    json.Key("file").String(file.file);
    json.Key("problems").BeginArray();
    for (const ExcludedProblem& problem : file.problems) {
      json.BeginObject();
      json.Key("file").String(problem.location.file);
      WriteLineOrNull("line", problem.location.line, json);
      WriteLineOrNull("column", problem.location.column, json);
      json.Key("severity").String(SeverityName(problem.severity));
      json.Key("message").String(problem.message);
      json.Key("hint").StringOrNull(problem.hint);
      json.EndObject();
    }
    json.EndArray();
    json.Key("more_problems").Int(static_cast<std::int64_t>(file.more_errors));
    WriteClaimed(file.claimed, json);
    json.EndObject();
  }
  json.EndArray();
  WriteExcludedOrganisations(result, json);
  WriteCounts(result.counts, json);
  WriteExpect(result.expect, json);

  json.Key("checks").BeginArray();
  for (const RollupCheck& check : result.checks) {
    json.BeginObject();
    json.Key("kind").String(check.kind);
    json.Key("file").String(check.file);
    if (check.line > 0) {
      json.Key("line").Int(check.line);
    } else {
      json.Key("line").Null();
    }
    json.Key("other_file").StringOrNull(check.other_file);
    json.Key("message").String(check.message);
    json.EndObject();
  }
  json.EndArray();

  history::WriteRubricJson("rubric", *result.rubric, json);

  json.Key("filters").BeginObject();
  json.Key("system").StringOrNull(result.options.system);
  json.Key("year").StringOrNull(result.options.year);
  json.EndObject();

  json.Key("ratings_by_year").BeginArray();
  for (const RatingCounts& counts : result.ratings_by_year) {
    json.BeginObject();
    json.Key("year").String(counts.year);
    json.Key("organisations").Int(counts.organisations);
    json.Key("ratings").BeginObject();
    for (std::size_t i = 0; i < result.ratings.size(); ++i) {
      json.Key(result.ratings[i]).Int(counts.counts[i]);
    }
    json.EndObject();
    json.EndObject();
  }
  json.EndArray();

  json.Key("levels").BeginArray();
  for (const std::string& level : result.levels) json.String(level);
  json.EndArray();
  json.Key("outcome_spreads").BeginArray();
  for (const OutcomeSpread& spread : result.spreads) {
    json.BeginObject();
    json.Key("outcome").String(spread.outcome_id);
    json.Key("levels").BeginObject();
    for (std::size_t i = 0; i < result.levels.size(); ++i) {
      json.Key(result.levels[i]).Int(spread.levels[i]);
    }
    json.EndObject();
    json.Key("scored").Int(spread.scored);
    json.Key("unscored").Int(spread.unscored);
    json.Key("median").NumberOrNull(spread.median);
    json.EndObject();
  }
  json.EndArray();

  json.EndObject();
  return json.Text();
}

}  // namespace eds
