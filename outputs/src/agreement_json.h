#ifndef EDS_OUTPUTS_SRC_AGREEMENT_JSON_H_
#define EDS_OUTPUTS_SRC_AGREEMENT_JSON_H_

#include "eds/agreement.h"
#include "eds/json_writer.h"

namespace eds {

// Writes the panel agreement as one JSON object (docs/outputs.md): the
// figures as shown (3 decimals, null when not defined) and the reading's
// code ("consistent", "agreed", "tentative", "disagrees", "not-defined").
void WriteAgreementJson(const Agreement& agreement, JsonWriter& json);

}  // namespace eds

#endif  // EDS_OUTPUTS_SRC_AGREEMENT_JSON_H_
