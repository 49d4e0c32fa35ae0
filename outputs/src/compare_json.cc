#include <string>

#include "eds/history.h"
#include "eds/history_outputs.h"
#include "eds/json_writer.h"
#include "history_common.h"

namespace eds {

std::string CompareJson(const CompareResult& result) {
  JsonWriter json;
  json.BeginObject();
  json.Key("format").String("eds3-compare/2");
  history::WriteToolJson(result.tool_version, json);

  json.Key("organisation").BeginObject();
  json.Key("name").String(result.organisation.name);
  json.Key("code").StringOrNull(result.organisation.code);
  json.Key("system").StringOrNull(result.organisation.system);
  json.EndObject();

  json.Key("years").BeginArray();
  for (const OrganisationYear& year : result.years) {
    history::WriteYearJson(year, json);
  }
  json.EndArray();

  json.Key("changes").BeginArray();
  for (const OutcomeChange& change : result.changes) {
    json.BeginObject();
    json.Key("outcome").String(change.outcome.id);
    json.Key("from_year").String(change.from_year);
    json.Key("to_year").String(change.to_year);
    json.Key("from").NumberOrNull(change.from);
    json.Key("to").NumberOrNull(change.to);
    json.Key("from_level").StringOrNull(change.from_level.Name());
    json.Key("to_level").StringOrNull(change.to_level.Name());
    json.Key("change").NumberOrNull(change.difference);
    json.EndObject();
  }
  json.EndArray();

  history::WriteRubricJson("rubric", *result.rubric, json);

  json.Key("rating_changes").BeginArray();
  for (const RatingChange& change : result.rating_changes) {
    json.BeginObject();
    json.Key("from_year").String(change.from_year);
    json.Key("to_year").String(change.to_year);
    // null for an incomplete year, as a year's own rating is.
    json.Key("from").StringOrNull(change.from_total ? change.from.Name() : "");
    json.Key("to").StringOrNull(change.to_total ? change.to.Name() : "");
    json.Key("from_total").NumberOrNull(change.from_total);
    json.Key("to_total").NumberOrNull(change.to_total);
    history::WriteChangeJson(change.change, change.no_change, json);
    json.EndObject();
  }
  json.EndArray();

  json.Key("not_comparable").BeginArray();
  for (const std::string& id : result.not_comparable) json.String(id);
  json.EndArray();

  json.EndObject();
  return json.Text();
}

}  // namespace eds
