#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eds/agreement.h"
#include "eds/method_text.h"
#include "report_text.h"
#include "xlsx_grade_sheets.h"

namespace eds {
namespace grade_xlsx {
namespace {

const OutcomeEntry* FindEntry(
    const std::map<std::string, OutcomeEntry>& entries,
    const std::string& outcome_id) {
  const auto found = entries.find(outcome_id);
  return found == entries.end() ? nullptr : &found->second;
}

std::string GroupOf(const Assessment& assessment, const std::string& id) {
  const Stakeholder* stakeholder = assessment.FindStakeholder(id);
  return stakeholder == nullptr ? std::string() : stakeholder->group;
}

std::string StakeholderName(const Assessment& assessment,
                            const std::string& id) {
  const Stakeholder* stakeholder = assessment.FindStakeholder(id);
  return stakeholder == nullptr ? std::string() : stakeholder->name;
}

// "patients-forum 2, staff-networks 1", in file order.
std::string RatingsText(const OutcomeEntry& entry) {
  std::vector<std::string> parts;
  for (const Rating& rating : entry.ratings) {
    parts.push_back(rating.stakeholder + " " + std::to_string(rating.points));
  }
  return Join(parts, ", ");
}

// One service's part of a per-service outcome's Ratings cell:
// "nhs-111: agreed 2 (patients-forum 2, staff-networks 1)".
std::string ServiceRatingsText(const Service& service,
                               const std::string& outcome_id) {
  const OutcomeEntry* entry = FindEntry(service.outcomes, outcome_id);
  std::string text = service.id + ": ";
  if (entry == nullptr || (entry->ratings.empty() && !entry->agreed)) {
    return text + kNotRated;
  }
  const std::string ratings = RatingsText(*entry);
  if (!entry->agreed) return text + ratings;
  text += "agreed " + std::to_string(*entry->agreed);
  if (!ratings.empty()) text += " (" + ratings + ")";
  return text;
}

}  // namespace

// ---- Outcomes ----

void WriteOutcomes(Sheet* sheet, const GradeReport& report) {
  const Assessment& a = report.assessment;
  // The narrow columns give way first, so that the long texts keep room
  // when the table is narrowed to print one page wide.
  Table table(sheet, 0,
              {{"Domain", 7, 8},
               {"Outcome", 8, 9},
               {"Title", 16, 60},
               {"Score", 7, 10},
               {"Level", 8, 14},
               {"Ratings", 12, 50},
               {"Flags", 8, 30},
               {"Notes", 12, 60},
               {"Agreed", 7, 10},
               {"Combined ratings", 8, 12},
               {"Evidence items", 8, 10},
               {"Actions", 7, 10}});
  for (const DomainResult& domain : report.result.domains) {
    const bool by_service = !domain.services.empty();
    for (const OutcomeResult& outcome : domain.outcomes) {
      table.NewRow();
      table.Text(0, domain.id);
      table.Text(1, outcome.id);
      table.Text(2, outcome.title);
      table.Score(3, outcome.score);
      table.Text(4, outcome.level.Name(report.rubric),
                 Filled(outcome.level.Colour(report.rubric)));
      table.Text(6, Join(outcome.flags, ", "));
      std::size_t evidence = 0;
      std::size_t actions = 0;
      if (by_service) {
        std::vector<std::string> ratings;
        std::vector<std::string> notes;
        for (const Service& service : a.services) {
          ratings.push_back(ServiceRatingsText(service, outcome.id));
          const OutcomeEntry* entry = FindEntry(service.outcomes, outcome.id);
          if (entry == nullptr) continue;
          if (!entry->notes.empty()) {
            notes.push_back(service.id + ": " + entry->notes);
          }
          evidence += entry->evidence.size();
          actions += entry->actions.size();
        }
        table.Text(5, Join(ratings, "; "));
        table.Text(7, Join(notes, "\n"));
      } else {
        const OutcomeEntry* entry = FindEntry(a.outcomes, outcome.id);
        if (entry != nullptr) {
          table.Text(5, RatingsText(*entry));
          table.Text(7, entry->notes);
          if (entry->agreed) table.Number(8, *entry->agreed);
          evidence = entry->evidence.size();
          actions = entry->actions.size();
        }
        if (outcome.combined) table.Score(9, outcome.combined);
      }
      table.Number(10, static_cast<double>(evidence));
      table.Number(11, static_cast<double>(actions));
    }
  }
  table.Finish();
}

// ---- Services ----

// Per-service domains (Domain 1 in EDS 2022) as the result holds them.
std::vector<const DomainResult*> ServiceDomains(const GradeResult& result) {
  std::vector<const DomainResult*> domains;
  for (const DomainResult& domain : result.domains) {
    if (!domain.services.empty()) domains.push_back(&domain);
  }
  return domains;
}

const ServiceResult* FindService(const DomainResult& domain,
                                 const std::string& id) {
  for (const ServiceResult& service : domain.services) {
    if (service.id == id) return &service;
  }
  return nullptr;
}

void WriteServices(Sheet* sheet, const GradeReport& report) {
  const std::vector<const DomainResult*> domains =
      ServiceDomains(report.result);
  // Columns: Service, Name, then each per-service domain's outcomes and
  // total, then Flags. Outcome columns come from the rubric, not code.
  std::vector<Table::Column> columns = {{"Service", 10, 24}, {"Name", 12, 40}};
  for (const DomainResult* domain : domains) {
    for (const OutcomeResult& outcome : domain->outcomes) {
      columns.push_back({outcome.id, 7, 10});
    }
    columns.push_back(
        {domains.size() == 1 ? "Total" : "Domain " + domain->id + " total", 8,
         16});
  }
  const std::size_t flags_column = columns.size();
  columns.push_back({"Flags", 8, 40});
  Table table(sheet, 0, std::move(columns));

  for (const Service& service : report.assessment.services) {
    table.NewRow();
    table.Text(0, service.id);
    table.Text(1, service.name);
    std::size_t column = 2;
    std::vector<std::string> flags;
    for (const DomainResult* domain : domains) {
      const ServiceResult* result = FindService(*domain, service.id);
      for (const OutcomeResult& outcome : domain->outcomes) {
        const ServiceOutcomeResult* scored = nullptr;
        if (result != nullptr) {
          const auto found = result->outcomes.find(outcome.id);
          if (found != result->outcomes.end()) scored = &found->second;
        }
        table.Score(column++, scored ? scored->score : std::nullopt);
        if (scored != nullptr && !scored->flags.empty()) {
          flags.push_back(outcome.id + ": " + Join(scored->flags, ", "));
        }
      }
      table.Score(column++, result ? result->total : std::nullopt, Style(),
                  kIncompleteSum);
    }
    table.Text(flags_column, Join(flags, "; "));
  }
  table.Finish();

  // How each domain score follows from the service totals, below the table
  // (outside the filter range).
  const Policy& policy = report.assessment.policy;
  xlsx::Row row = table.last_row() + 2;
  Style left;
  left.align_left = true;
  Style note;
  note.italic = true;
  // Wrapped, so that neither the label nor the sentence is cut off by the
  // next cell or the page's edge.
  const auto last_col = static_cast<xlsx::Col>(flags_column);
  for (const DomainResult* domain : domains) {
    sheet->WrapText(row, 0, "Domain " + domain->id + " score", Bold());
    sheet->Score(row++, 1, domain->score, left, kIncompleteSum);
    sheet->Paragraph(row++, 0, last_col, DomainScoreSentence(policy), note);
  }
}

// ---- Ratings, Evidence, Action plan ----

// Calls `visit(service_id, outcome_id, entry)` for every outcome entry in
// report order: domains and outcomes in rubric order; for a per-service
// domain, service by service in file order.
template <typename Visit>
void ForEachEntry(const GradeReport& report, Visit visit) {
  const Assessment& a = report.assessment;
  for (const DomainResult& domain : report.result.domains) {
    if (!domain.services.empty()) {
      for (const Service& service : a.services) {
        for (const OutcomeResult& outcome : domain.outcomes) {
          const OutcomeEntry* entry = FindEntry(service.outcomes, outcome.id);
          if (entry != nullptr) visit(service.id, outcome.id, *entry);
        }
      }
    } else {
      for (const OutcomeResult& outcome : domain.outcomes) {
        const OutcomeEntry* entry = FindEntry(a.outcomes, outcome.id);
        if (entry != nullptr) visit(std::string(), outcome.id, *entry);
      }
    }
  }
}

// A table of one row a rating, evidence item or action (`items` says which)
// of the outcome entries, in ForEachEntry's order, each row led by its
// service and outcome; `write(table, item)` fills the columns after those.
template <typename Item, typename Write>
void WriteEntryItems(Sheet* sheet, const GradeReport& report,
                     std::vector<Table::Column> columns,
                     std::vector<Item> OutcomeEntry::*items, Write write) {
  columns.insert(columns.begin(), {{"Service", 9, 24}, {"Outcome", 9, 9}});
  Table table(sheet, 0, std::move(columns));
  ForEachEntry(report,
               [&](const std::string& service, const std::string& outcome,
                   const OutcomeEntry& entry) {
                 for (const Item& item : entry.*items) {
                   table.NewRow();
                   table.Text(0, service);
                   table.Text(1, outcome);
                   write(table, item);
                 }
               });
  table.Finish();
}

void WriteRatings(Sheet* sheet, const GradeReport& report) {
  WriteEntryItems(
      sheet, report,
      {{"Stakeholder", 12, 30},
       {"Group", 8, 14},
       {"Score", 7, 8},
       {"Comment", 12, 60},
       {"Level", 8, 14},
       {"Stakeholder name", 12, 48}},
      &OutcomeEntry::ratings, [&](Table& table, const Rating& rating) {
        table.Text(2, rating.stakeholder);
        table.Text(3, GroupOf(report.assessment, rating.stakeholder));
        table.Number(4, rating.points);
        table.Text(5, rating.comment);
        if (const Level* level = report.rubric.LevelForPoints(rating.points)) {
          table.Text(6, level->name, Filled(level->colour));
        }
        table.Text(7, StakeholderName(report.assessment, rating.stakeholder));
      });
}

void WriteEvidence(Sheet* sheet, const GradeReport& report) {
  WriteEntryItems(sheet, report, {{"Title", 20, 60}, {"Link", 12, 60}},
                  &OutcomeEntry::evidence,
                  [](Table& table, const Evidence& evidence) {
                    table.Text(2, evidence.title);
                    // Live only for a plain web or mail address: a
                    // "javascript:" or "file:" link from the input stays
                    // text.
                    table.Link(3, evidence.link);
                  });
}

void WriteActions(Sheet* sheet, const GradeReport& report) {
  WriteEntryItems(
      sheet, report, {{"Action", 20, 60}, {"Owner", 10, 30}, {"Due", 10, 12}},
      &OutcomeEntry::actions, [](Table& table, const Action& action) {
        table.Text(2, action.action);
        table.Text(3, action.owner);
        if (action.due) table.Date(4, *action.due);
      });
}
}  // namespace grade_xlsx
}  // namespace eds
