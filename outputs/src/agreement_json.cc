#include "agreement_json.h"

#include <optional>
#include <string>

namespace eds {
namespace {

void WriteFigure(const char* key, const std::optional<double>& figure,
                 JsonWriter& json) {
  json.Key(key);
  if (const std::optional<double> shown = ShownAlpha(figure)) {
    json.Double(*shown);
  } else {
    json.Null();
  }
}

std::string ReadingCode(AgreementReading reading) {
  std::string code = AgreementWord(reading);
  for (char& c : code) {
    if (c == ' ') c = '-';
  }
  return code;
}

}  // namespace

void WriteAgreementJson(const Agreement& agreement, JsonWriter& json) {
  json.BeginObject();
  json.Key("metric").String(agreement.metric);
  WriteFigure("alpha", agreement.alpha, json);
  json.Key("pairable").Int(agreement.pairable);
  WriteFigure("percent_agreement", agreement.percent_agreement, json);
  WriteFigure("within_one_level", agreement.within_one_level, json);
  WriteFigure("gwet_ac1", agreement.gwet_ac1, json);
  WriteFigure("gwet_ac2_quadratic", agreement.gwet_ac2, json);
  json.Key("reading").String(ReadingCode(ReadAgreement(agreement)));
  json.EndObject();
}

}  // namespace eds
