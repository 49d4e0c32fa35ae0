#include <cstddef>
#include <string>

#include "eds/history.h"
#include "eds/history_outputs.h"
#include "eds/json_writer.h"
#include "history_common.h"

namespace eds {

std::string RollupJson(const RollupResult& result) {
  JsonWriter json;
  json.BeginObject();
  json.Key("format").String("eds3-rollup/1");
  history::WriteToolJson(result.tool_version, json);

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
    json.Key("change").NumberOrNull(organisation.change);
    json.EndObject();
  }
  json.EndArray();

  json.Key("excluded").BeginArray();
  for (const ExcludedFile& file : result.excluded) {
    json.BeginObject();
    json.Key("file").String(file.file);
    json.Key("errors").BeginArray();
    for (const std::string& error : file.errors) json.String(error);
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();

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

  json.EndObject();
  return json.Text();
}

}  // namespace eds
