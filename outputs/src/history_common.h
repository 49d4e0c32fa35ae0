#ifndef EDS_OUTPUTS_SRC_HISTORY_COMMON_H_
#define EDS_OUTPUTS_SRC_HISTORY_COMMON_H_

// What the compare and rollup writers share, so that both say the same thing
// the same way: signed changes, the JSON shape of an organisation's year, and
// the workbook colours and document date. Their stamp is HistoryStamp
// (eds/method_text.h), with the grade's.

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "eds/history.h"
#include "eds/json_writer.h"
#include "xlsx_table.h"

namespace eds::history {

// Fills that colour a change up or down. They are the usual spreadsheet
// "good" and "bad" fills: a direction, not a level, so not in the rubric.
inline constexpr char kUpColour[] = "#C6EFCE";
inline constexpr char kDownColour[] = "#FFC7CE";
// The fill of an incomplete year where a band colour would be.
inline constexpr char kIncompleteColour[] = "#D9D9D9";

// A change with its sign: "+1", "-0.5", "0".
std::string SignedText(const Rational& change);

// "22 of 33" for a complete year (out of its own rubric's maximum),
// "incomplete" otherwise.
std::string TotalText(const OrganisationYear& year);

// {"name": "eds3", "version": ...} under the key "tool".
void WriteToolJson(const std::string& tool_version, JsonWriter& json);
// {"id", "version"} under `key`.
void WriteRubricJson(const char* key, const Rubric& rubric, JsonWriter& json);
// The organisation's year in the shape compare and rollup share
// (docs/schema/eds3-year-2.schema.json).
void WriteYearJson(const OrganisationYear& year, JsonWriter& json);
// "change" (null when there is none) and "change_reason" (null when there is
// a change, else "no earlier year", "incomplete" or "different rubric
// maxima").
void WriteChangeJson(const std::optional<Rational>& change, NoChange why,
                     JsonWriter& json);

// The heading of an Attention reason for a reader: "Lowest band",
// "Fell a band", ...
std::string AttentionLabel(AttentionReason reason);

// The fill for a rating: its band's colour, kIncompleteColour for an
// incomplete year, "" for no rating (no year).
std::string RatingColour(const RubricRating& rating);
// The fill for a change: up, down, or none.
std::string ChangeColour(const std::optional<Rational>& change);
// A number format that shows a change's sign and exact value ("+1", "-0.5",
// "+1.67").
std::string SignedNumberFormat(const Rational& change);

// The workbook's creation time: the latest of the years' own dates
// (xlsx::DocumentTime), so the same input always gives the same bytes.
std::time_t DocumentTimeOf(const std::vector<const OrganisationYear*>& years);

// Writes the panel agreement as two cells: alpha as shown (ShownAlpha) at
// `column`, or "not defined", and its reading in a word at column + 1.
void WriteAgreement(xlsx::Table& table, std::size_t column,
                    const Agreement& agreement);

// Writes `change` as a signed number coloured up or down, or `none` as text.
void WriteChange(xlsx::Table& table, std::size_t column,
                 const std::optional<Rational>& change, const char* none);

// The cells that show a year the same way in both workbooks: compare's row
// a year and rollup's row an organisation.
//
// One column a domain of `rubric`, "Domain 1" and so on, as WriteYearResult
// fills them.
void AddDomainColumns(const Rubric& rubric, double min_width, double max_width,
                      std::vector<xlsx::Table::Column>* columns);
// From `column` on: the year's total (or "incomplete"), its own rubric's
// maximum, its rating (WriteRating), then the score of each domain of
// `reference` ("not in rubric" where the year's rubric lacks it). Returns the
// column after the last written.
std::size_t WriteYearResult(xlsx::Table& table, std::size_t column,
                            const OrganisationYear& year,
                            const Rubric& reference);
// The year's rating (its band, or Incomplete) filled in its colour.
void WriteRating(xlsx::Table& table, std::size_t column,
                 const OrganisationYear& year);
// An outcome's score filled in its level colour under `rubric`.
void WriteLevelScore(xlsx::Table& table, std::size_t column,
                     const Rubric& rubric, const IdScore& score);

}  // namespace eds::history

#endif  // EDS_OUTPUTS_SRC_HISTORY_COMMON_H_
